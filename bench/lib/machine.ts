import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

// The machine the numbers came from: they mean little without it.

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  sqlite: string;
  disk: string;
  os: string;
}

function firstMatch(text: string, re: RegExp): string | null {
  return re.exec(text)?.[1]?.trim() ?? null;
}

export function describeMachine(dataDir: string): Machine {
  let cpuinfo = "";
  try {
    cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    // not Linux: os.cpus() below
  }
  const cpu = firstMatch(cpuinfo, /^model name\s*:\s*(.+)$/m) ?? cpus()[0]?.model ?? "unknown";
  let disk = "unknown";
  try {
    // The filesystem holding the bench database, and whether the device spins (rotational 1).
    const df = execFileSync("df", ["-hT", dataDir], { encoding: "utf8" }).trim().split("\n").at(-1)!.split(/\s+/);
    const device = df[0]!.replace(/^\/dev\//, "").replace(/\d+$/, "");
    let kind = "";
    try {
      kind =
        readFileSync(`/sys/block/${device}/queue/rotational`, "utf8").trim() === "1"
          ? ", rotational"
          : ", non-rotational";
    } catch {
      // a virtual or mapped device without the flag
    }
    disk = `${df[0]} (${df[1]}, ${df[2]}${kind})`;
  } catch {
    // df missing
  }
  let os = "unknown";
  try {
    os = firstMatch(readFileSync("/etc/os-release", "utf8"), /^PRETTY_NAME="?([^"\n]+)"?$/m) ?? os;
  } catch {
    // no os-release
  }
  const memory = new Database(":memory:");
  const sqlite = (memory.prepare("select sqlite_version() v").get() as { v: string }).v;
  memory.close();
  return {
    cpu,
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite,
    disk,
    os,
  };
}
