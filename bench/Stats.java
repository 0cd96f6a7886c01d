import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of a benchmark's samples, in the shape every result file uses. */
final class Stats {

    private Stats() {}

    static Map<String, Object> of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Map<String, Object> of(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var stats = new LinkedHashMap<String, Object>();
        stats.put("count", sorted.length);
        if (sorted.length == 0) {
            return stats;
        }
        stats.put("min", round(sorted[0]));
        stats.put("median", round(percentile(sorted, 50)));
        stats.put("p90", round(percentile(sorted, 90)));
        stats.put("p99", round(percentile(sorted, 99)));
        stats.put("max", round(sorted[sorted.length - 1]));
        stats.put("mean", round(Arrays.stream(sorted).average().orElse(0)));
        return stats;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
