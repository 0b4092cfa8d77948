// The whole of stdin as text: both harness scripts read one JSON batch from it.
export async function readStdin() {
  let text = ''
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin) {
    text += chunk
  }
  return text
}
