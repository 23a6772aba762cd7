// Why a JSON text does not parse, on one line, with the line and column a person can find in an
// editor. Node 20's JSON.parse gives a character offset at most, and for some errors quotes the
// text itself, newlines included; newer versions add "(line L column C)" themselves.

/** JSON.parse's complaint about `text`, with its position as "at line L, column C", on one line. */
export function jsonSyntaxProblem(text: string, error: Error): string {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s+/g, ' ').trim();
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1])).split('\n');
  const where = `at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  return message.replace(/(in JSON )?at position \d+/, where);
}
