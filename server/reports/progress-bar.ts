/** A one-line progress bar for long CLI commands, redrawn in place on a terminal, a line per 10% otherwise. */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
  width = 30,
): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * width);
    const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${Math.floor(share * 100)}%`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
