/**
 * What recording metrics costs a ticket update, counted in CPU instructions rather than seconds: other people's
 * load on a shared machine moves CPU time by more than the difference being measured (bench:update's on/off
 * pairs ranged from -5% to +35% in one run), while an instruction count is nearly the same run after run.
 *
 * Runs `bench/update.ts --only on|off` under valgrind's cachegrind (no cache simulation) for --amount and twice
 * --amount updates in each mode. Setting up (the app, the tickets, the warm-up) is the same in both lengths, so
 * the difference between them, divided by --amount, is the instructions of one update: the app, SQLite and the
 * bench's own HTTP client, the same in both modes. Needs valgrind (Debian's package); takes some minutes, as
 * valgrind runs the process about 30 times slower. Asserts nothing.
 *
 *   node bench/update-instructions.ts --amount 300
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { count, fail, intOption, table } from "./common.ts";

const usage = `Usage: node bench/update-instructions.ts [options]

  --amount N      updates in the shorter run (the longer one does twice as many; default 300)
  --tickets N     tickets the updates go to (default 200)
  --warmup N      untimed updates first (default 100)
  --parallel N    valgrind runs at once (default 2)
`;

async function instructions(args: string[]): Promise<number> {
  const child = spawn(
    "valgrind",
    ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", process.execPath, ...args],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const refs = /I\s+refs:\s+([\d,]+)/.exec(errors)?.[1];
  if (code !== 0 || !refs) fail(`valgrind ${args.join(" ")} ended with ${code}:\n${errors.slice(-2000)}`);
  return Number(refs.replaceAll(",", ""));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      amount: { type: "string" },
      tickets: { type: "string" },
      warmup: { type: "string" },
      parallel: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const amount = intOption("amount", values.amount, 300);
  const tickets = intOption("tickets", values.tickets, 200);
  const warmup = intOption("warmup", values.warmup, 100, 0);
  const parallel = intOption("parallel", values.parallel, 2);
  const runs = (["on", "off"] as const).flatMap((mode) =>
    [amount, amount * 2].map((updates) => ({
      mode,
      updates,
      args: [
        "bench/update.ts",
        "--only",
        mode,
        "--rounds",
        "1",
        "--amount",
        String(updates),
        "--tickets",
        String(tickets),
        "--warmup",
        String(warmup),
        "--connections",
        "4",
      ],
    })),
  );
  const loadBefore = loadavg();
  const counted = new Map<string, number>();
  const queue = [...runs];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let run = queue.shift(); run; run = queue.shift()) {
        counted.set(`${run.mode} ${run.updates}`, await instructions(run.args));
        process.stderr.write(`  ${run.mode}, ${count(run.updates)} updates: done\n`);
      }
    }),
  );
  const perUpdate = (mode: "on" | "off") =>
    ((counted.get(`${mode} ${amount * 2}`) ?? 0) - (counted.get(`${mode} ${amount}`) ?? 0)) / amount;
  const on = perUpdate("on");
  const off = perUpdate("off");
  console.log(
    `\n${table([
      ["metrics", `instructions, ${count(amount)} updates`, `instructions, ${count(amount * 2)} updates`, "per update"],
      ...(["on", "off"] as const).map((mode) => [
        mode,
        count(counted.get(`${mode} ${amount}`) ?? 0),
        count(counted.get(`${mode} ${amount * 2}`) ?? 0),
        count(perUpdate(mode)),
      ]),
    ])}`,
  );
  console.log(`\nInstructions per update with metrics: ${((on / off - 1) * 100).toFixed(1)}% against without`);
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(" ");
  console.log(`Load average before: ${load(loadBefore)}; after: ${load(loadavg())}`);
}

await main();
