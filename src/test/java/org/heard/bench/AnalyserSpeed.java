package org.heard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.heard.triage.analysis.BrandVocabulary;
import org.heard.triage.analysis.Lexicon;
import org.heard.triage.analysis.RefinedAnalyser;
import org.heard.triage.analysis.SentenceVectors;
import org.heard.triage.analysis.SocialTextAnalyser;
import org.heard.triage.analysis.ValenceScorer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages a second on one thread: the corpus texts in a loop, after a warm-up long enough for the
 * JIT, several measured rounds, the median reported. Heard's analyser is measured whole (sentiment,
 * signals, complaint, urgency, language); with the sentence model's second reading ({@link RefinedAnalyser}),
 * one message at a time and in batches of 64; plain VADER's sentiment alone for comparison.
 * Usage: {@code AnalyserSpeed [--out FILE] [--seconds N]} (N seconds per measured round, default 3).
 */
public final class AnalyserSpeed {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 1 && args[0].equals("--out") ? args[1] : "bench/results/analyser-speed.json");
        double seconds = args.length > 3 && args[2].equals("--seconds") ? Double.parseDouble(args[3]) : 3;
        var texts = new ArrayList<String>();
        for (String name : List.of("amazon", "yelp", "imdb")) {
            Corpus.load(name).sentences().forEach(sentence -> texts.add(sentence.text()));
        }
        var heard = new SocialTextAnalyser(BrandVocabulary::none);
        var vader = new ValenceScorer(Lexicon.vader());
        Map<String, ToDoubleFunction<String>> analysers = new LinkedHashMap<>();
        analysers.put("heard", text -> heard.analyse(text).score());
        analysers.put("plain_vader", text -> ValenceScorer.plainVader(vader, text));
        // The second reading, one message at a time and as SecondReading reads them, in batches of 64.
        var refined = new RefinedAnalyser(heard, BrandVocabulary::none, new SentenceVectors());
        analysers.put("heard_with_model", text -> refined.analyse(text).score());
        var batch = new ArrayList<String>();
        analysers.put("heard_with_model_batches_of_64", text -> {
            batch.add(text);
            if (batch.size() < 64) {
                return 0;
            }
            double sum =
                    refined.analyse(batch).stream().mapToDouble(a -> a.score()).sum();
            batch.clear();
            return sum;
        });

        var results = new LinkedHashMap<String, Object>();
        for (var analyser : analysers.entrySet()) {
            measure(texts, analyser.getValue(), seconds * 2); // warm-up, thrown away
            var rounds = new ArrayList<Double>();
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(measure(texts, analyser.getValue(), seconds));
            }
            rounds.sort(Double::compare);
            results.put(
                    analyser.getKey(),
                    Map.of(
                            "messages_per_second_median",
                            Math.round(rounds.get(ROUNDS / 2)),
                            "rounds",
                            rounds.stream().map(Math::round).toList()));
            System.out.printf(
                    "%-24s %,d messages/s (median of %d rounds)%n",
                    analyser.getKey(), Math.round(rounds.get(ROUNDS / 2)), ROUNDS);
        }
        write(out, texts, results);
    }

    private static double measure(List<String> texts, ToDoubleFunction<String> analyser, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long messages = 0;
        double sink = 0;
        while (System.nanoTime() < deadline) {
            for (String text : texts) {
                sink += analyser.applyAsDouble(text);
            }
            messages += texts.size();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (sink == Double.MAX_VALUE) {
            System.out.println(sink); // keeps the JIT from dropping the work
        }
        return messages / elapsed;
    }

    private static void write(Path out, List<String> texts, Map<String, Object> results) throws Exception {
        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "analyser-speed");
        report.put("measured_at", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put(
                "method",
                "one thread; " + texts.size() + " corpus texts (amazon, yelp, imdb; mean "
                        + Math.round(texts.stream()
                                .mapToInt(String::length)
                                .average()
                                .orElse(0))
                        + " characters) analysed in a loop; warm-up of two round lengths, then " + ROUNDS
                        + " measured rounds; median reported");
        report.put("results", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        System.out.println("Wrote " + out);
    }
}
