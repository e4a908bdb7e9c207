import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLOCK_TICKS = readClockTicks();

function readClockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; the fields we want follow its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The MySQL/MariaDB server process, if one runs on this machine (to show what durability costs the database). */
export function findDatabasePid(): number | null {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const out = execFileSync('pidof', [name]).toString().trim();
      const pid = Number(out.split(/\s+/)[0]);
      if (pid > 0) return pid;
    } catch {
      // not running under this name
    }
  }
  return null;
}

export interface ProcessSample {
  /** CPU used over the window, percent of one core. */
  cpuPercent: number | null;
  /** Database server CPU over the same window, percent of one core. */
  dbCpuPercent: number | null;
  rssPeakBytes: number | null;
  rssMeanBytes: number | null;
  rssEndBytes: number | null;
  seconds: number;
}

/** Samples a process's CPU and RSS (every 250 ms) from start() until stop(). */
export class ProcessSampler {
  private readonly pid: number;
  private readonly dbPid: number | null;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private cpuAtStart: number | null = null;
  private dbCpuAtStart: number | null = null;
  private rss: number[] = [];

  constructor(pid: number, dbPid: number | null) {
    this.pid = pid;
    this.dbPid = dbPid;
  }

  start(): void {
    this.startedAt = performance.now();
    this.cpuAtStart = cpuSeconds(this.pid);
    this.dbCpuAtStart = this.dbPid === null ? null : cpuSeconds(this.dbPid);
    this.rss = [];
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), 250);
  }

  stop(): ProcessSample {
    if (this.timer) clearInterval(this.timer);
    this.sampleRss();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const cpuEnd = cpuSeconds(this.pid);
    const dbCpuEnd = this.dbPid === null ? null : cpuSeconds(this.dbPid);
    const percent = (start: number | null, end: number | null) =>
      start === null || end === null || seconds <= 0 ? null : ((end - start) / seconds) * 100;
    return {
      cpuPercent: percent(this.cpuAtStart, cpuEnd),
      dbCpuPercent: percent(this.dbCpuAtStart, dbCpuEnd),
      rssPeakBytes: this.rss.length ? Math.max(...this.rss) : null,
      rssMeanBytes: this.rss.length ? this.rss.reduce((a, b) => a + b, 0) / this.rss.length : null,
      rssEndBytes: this.rss.at(-1) ?? null,
      seconds,
    };
  }

  private sampleRss(): void {
    const value = rssBytes(this.pid);
    if (value !== null) this.rss.push(value);
  }
}
