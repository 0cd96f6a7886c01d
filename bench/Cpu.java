import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time from /proc: Heard's JVM, its PostgreSQL (postmaster and backends) and the whole machine,
 * in clock ticks, so a run can say whether Heard was bound by its own CPU or starved by others.
 */
record Cpu(long heard, long postgres, long machineBusy, long machineTotal, long wallNanos) {

    static Cpu sample(Heard heard) {
        long postgres = 0;
        var postmaster = heard.postgres();
        if (postmaster.isPresent()) {
            postgres = ticks(postmaster.get().pid())
                    + postmaster.get().descendants().mapToLong(p -> ticks(p.pid())).sum();
        }
        long busy = 0;
        long total = 0;
        try {
            var fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i != 4 && i != 5) {
                    busy += value;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: machine figures stay zero
        }
        return new Cpu(ticks(heard.process().pid()), postgres, busy, total, System.nanoTime());
    }

    Cpu since(Cpu before) {
        return new Cpu(
                heard - before.heard,
                postgres - before.postgres,
                machineBusy - before.machineBusy,
                machineTotal - before.machineTotal,
                wallNanos - before.wallNanos);
    }

    Map<String, Object> report(int posts) {
        double seconds = wallNanos / 1e9;
        var cpu = new LinkedHashMap<String, Object>();
        cpu.put("wall_s", Stats.round(seconds));
        cpu.put("heard_jvm_cores", Stats.round(heard / 100.0 / seconds));
        cpu.put("postgres_cores", Stats.round(postgres / 100.0 / seconds));
        cpu.put("machine_busy_pct", machineTotal == 0 ? 0 : Stats.round(100.0 * machineBusy / machineTotal));
        cpu.put("heard_jvm_cpu_ms_per_post", Stats.round(heard * 10.0 / posts));
        cpu.put("postgres_cpu_ms_per_post", Stats.round(postgres * 10.0 / posts));
        return cpu;
    }

    /** utime + stime of one process, in clock ticks (100 a second on Linux). */
    static long ticks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
