// Why a JSON text does not parse, with the line and column a person can find in an editor
// (JSON.parse in Node 20 gives only a character offset).

/** JSON.parse's complaint about `text`, with "at position N" replaced by "at line L, column C". */
export function jsonSyntaxProblem(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1])).split('\n');
  const where = `at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  return error.message.replace(/in JSON at position \d+/, where).replace(/at position \d+/, where);
}
