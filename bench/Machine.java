import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on, written next to its figures: they are only comparable on a quiet, similar machine. */
final class Machine {

    private Machine() {}

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Map<String, Object> describe(String loadBefore, String heardJvmOptions) {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", procField("/proc/cpuinfo", "model name"));
        var memKb = procField("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        machine.put("ram_gib", memKb.isEmpty() ? "unknown" : Stats.round(Long.parseLong(memKb) / 1024.0 / 1024.0));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put(
                "jdk",
                System.getProperty("java.vendor") + " " + Runtime.version() + " ("
                        + ProcessHandle.current().info().command().orElse("java") + ")");
        machine.put("heard_jvm_options", heardJvmOptions);
        machine.put("load_average_before", loadBefore);
        machine.put("load_average_after", loadAverage());
        return machine;
    }

    static String procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
