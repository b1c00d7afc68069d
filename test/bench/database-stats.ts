import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// What PostgreSQL did for the server under load, read from outside it: statements from
// pg_stat_statements (through the `postgres` database, so these reads never count against
// the benchmark database), CPU time of the postmaster and all its backends from /proc.

export interface StatementRow {
  calls: number;
  query: string;
}

export class DatabaseStats {
  private constructor(
    private readonly client: pg.Client,
    private readonly databaseOid: number,
    private readonly dataDir: string,
  ) {}

  static async connect(adminUrl: string, databaseName: string, dataDir: string): Promise<DatabaseStats> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query('create extension if not exists pg_stat_statements');
    const { rows } = await client.query<{ oid: number }>('select oid::int as oid from pg_database where datname = $1', [databaseName]);
    return new DatabaseStats(client, rows[0].oid, dataDir);
  }

  async reset(): Promise<void> {
    await this.client.query('select pg_stat_statements_reset()');
  }

  // Statements run in the benchmark database since the last reset, by normalised text.
  async statements(): Promise<StatementRow[]> {
    const { rows } = await this.client.query<{ calls: string; query: string }>(
      `select calls, query from pg_stat_statements
        where dbid = $1 and query not ilike '%pg_stat_statements%'
        order by calls desc, query`,
      [this.databaseOid],
    );
    return rows.map((row) => ({ calls: Number(row.calls), query: row.query.replace(/\s+/g, ' ').trim() }));
  }

  async statementCount(): Promise<number> {
    return (await this.statements()).reduce((sum, row) => sum + row.calls, 0);
  }

  // CPU time (ms) of the whole PostgreSQL cluster so far: the postmaster, its live backends,
  // and the backends that already exited (counted in the postmaster's children times).
  cpuMs(): number | null {
    return clusterCpuMs(this.dataDir);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

// CPU time (ms) of the PostgreSQL cluster in `dataDir` so far: the postmaster, its live backends,
// and the backends that already exited (counted in the postmaster's children times).
export function clusterCpuMs(dataDir: string): number | null {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = readStat(Number(entry));
      if (!fields) continue;
      const [ppid, utime, stime, cutime, cstime] = [fields[1], fields[11], fields[12], fields[13], fields[14]].map(Number);
      if (Number(entry) === postmaster) ticks += utime + stime + cutime + cstime;
      else if (ppid === postmaster) ticks += utime + stime;
    }
    return (ticks * 1000) / clockTicksPerSecond();
  } catch {
    return null;
  }
}

// CPU time (ms) all processes of the machine have used so far (/proc/stat), to see how much
// of it went to processes outside the benchmark during a run.
export function machineBusyCpuMs(): number | null {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / clockTicksPerSecond();
  } catch {
    return null;
  }
}

// Fields of /proc/<pid>/stat after the command name: [state, ppid, …]; index 11 = utime.
function readStat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;
function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}
