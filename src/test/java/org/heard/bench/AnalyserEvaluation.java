package org.heard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.heard.triage.Analysis;
import org.heard.triage.analysis.BrandVocabulary;
import org.heard.triage.analysis.ComplaintFeatures;
import org.heard.triage.analysis.ComplaintModel;
import org.heard.triage.analysis.Lexicon;
import org.heard.triage.analysis.RefinedAnalyser;
import org.heard.triage.analysis.SentenceVectors;
import org.heard.triage.analysis.SocialTextAnalyser;
import org.heard.triage.analysis.ValenceScorer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's analyser on posts written to companies, and against plain VADER on human-labelled customer
 * reviews. On the posts ({@link CarePosts}): complaint precision, recall and F1, praise and plain
 * questions read as complaints, and three-class sentiment macro-F1. On the reviews, both give a
 * compound score in [-1, 1], mapped to the binary labels two ways: "three-class" (VADER's thresholds
 * ±0.05, a neutral answer counts as wrong) and "sign" (above 0 positive, otherwise negative).
 * Usage: {@code AnalyserEvaluation [--out FILE] [--corpora amazon,yelp,imdb]
 * [--care care-heldout,care-tuning] [--misreads]}; {@code --misreads} lists the tuning set's wrong
 * readings, never the held-out set's, which no rule may be fitted to.
 */
public final class AnalyserEvaluation {

    static final double THRESHOLD = 0.05;

    /** The only labelled posts whose misreadings may be looked at. */
    static final String TUNING = "care-tuning";

    public static void main(String[] args) throws Exception {
        var options = Options.of(args, "bench/results/analyser-eval.json");
        var heard = new SocialTextAnalyser(BrandVocabulary::none);
        var vader = new ValenceScorer(Lexicon.vader());
        Map<String, ToDoubleFunction<String>> analysers = new LinkedHashMap<>();
        analysers.put("heard", text -> heard.analyse(text).score());
        analysers.put("plain_vader", text -> ValenceScorer.plainVader(vader, text));

        var vectors = new SentenceVectors();
        var refined = new RefinedAnalyser(heard, BrandVocabulary::none, vectors);
        var model = ComplaintModel.shipped();

        var results = new LinkedHashMap<String, Object>();
        for (String name : options.care()) {
            var posts = CarePosts.load(name);
            var texts = posts.posts().stream().map(CarePosts.Post::text).toList();
            var scores = new CareScores();
            var modelAlone = new CareScores();
            var shipped = new CareScores();
            var modelVectors =
                    vectors.of(texts.stream().map(ComplaintFeatures::modelText).toList());
            var refinedReadings = refined.analyse(texts);
            for (int i = 0; i < texts.size(); i++) {
                var post = posts.posts().get(i);
                var reading = heard.analyse(post.text());
                double p = model.probability(ComplaintFeatures.of(
                        modelVectors.get(i), ComplaintFeatures.cues(post.text(), BrandVocabulary.none())));
                modelAlone.add(post, withComplaint(reading, p >= 0.5));
                shipped.add(post, refinedReadings.get(i));
                scores.add(post, reading);
                if (options.misreads() && name.equals(TUNING) && misread(post, reading)) {
                    System.out.printf(
                            "misread %-9s complaint %-5s read %-5s %-8s read %-8s %s%n",
                            post.kind(),
                            post.complaint(),
                            reading.complaint(),
                            post.sentiment(),
                            reading.sentiment(),
                            post.text());
                }
            }
            var report = scores.report();
            report.put("model_alone", modelAlone.report());
            report.put("refined", shipped.report());
            results.put(name, report);
            print(name + " lexicon", scores);
            print(name + " model alone", modelAlone);
            print(name + " refined", shipped);
        }
        for (String name : options.corpora()) {
            var corpus = Corpus.load(name);
            var perAnalyser = new LinkedHashMap<String, Object>();
            analysers.forEach((analyser, score) -> perAnalyser.put(analyser, evaluate(corpus, score)));
            results.put(
                    name,
                    Map.of(
                            "sentences",
                            corpus.sentences().size(),
                            "positive",
                            corpus.positives(),
                            "analysers",
                            perAnalyser));
            print(name, perAnalyser);
        }
        write(options.out(), results);
    }

    private static void print(String name, CareScores scores) {
        System.out.printf(
                "%-26s complaint P %.3f R %.3f F1 %.3f | praise or questions as complaints %.1f %% | sentiment"
                        + " macro-F1 %.3f%n",
                name,
                scores.report().get("complaint_precision"),
                scores.report().get("complaint_recall"),
                scores.complaintF1(),
                100 * scores.praiseOrQuestionsAsComplaint(),
                scores.sentimentMacroF1());
    }

    /** The reading with its complaint verdict set, the rest as read. */
    static Analysis withComplaint(Analysis reading, boolean complaint) {
        return new Analysis(
                reading.sentiment(),
                reading.score(),
                complaint,
                reading.urgency(),
                reading.signals(),
                reading.language());
    }

    static Map<String, Object> evaluate(Corpus corpus, ToDoubleFunction<String> analyser) {
        var threeClass = new BinaryScores();
        var sign = new BinaryScores();
        for (var sentence : corpus.sentences()) {
            double score = analyser.applyAsDouble(sentence.text());
            threeClass.add(sentence.positive(), score >= THRESHOLD ? 1 : score <= -THRESHOLD ? -1 : 0);
            sign.add(sentence.positive(), score > 0 ? 1 : -1);
        }
        return Map.of("three_class", threeClass.report(), "sign", sign.report());
    }

    private static boolean misread(CarePosts.Post post, Analysis reading) {
        return post.complaint() != reading.complaint() || post.sentiment() != reading.sentiment();
    }

    @SuppressWarnings("unchecked")
    private static void print(String corpus, Map<String, Object> perAnalyser) {
        perAnalyser.forEach((analyser, result) -> {
            var scores = (Map<String, Map<String, Object>>) result;
            System.out.printf(
                    "%-7s %-12s three-class acc %.3f F1 %.3f (neutral %s) | sign acc %.3f F1 %.3f%n",
                    corpus,
                    analyser,
                    scores.get("three_class").get("accuracy"),
                    scores.get("three_class").get("macro_f1"),
                    scores.get("three_class").get("predicted_neutral"),
                    scores.get("sign").get("accuracy"),
                    scores.get("sign").get("macro_f1"));
        });
    }

    private static void write(Path out, Map<String, Object> results) throws Exception {
        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "analyser-eval");
        report.put("measured_at", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put(
                "method",
                "care-*: posts to companies written and labelled by Heard's developers (src/test/resources/corpus/README.md);"
                        + " complaint precision/recall/F1 with complaint as the positive class; praise or plain questions read"
                        + " as complaints in percent of them; sentiment_macro_f1 = mean F1 of negative, neutral, positive."
                        + " Top-level figures of care-*: the lexicon's reading (the first reading, on the hot path);"
                        + " model_alone: the shipped complaint model's probability >= 0.5, sentiment the lexicon's;"
                        + " refined: the shipped second reading (RefinedAnalyser: the lexicon's verdict overruled"
                        + " only when the model is confident, sentiment and urgency following the verdict). The model"
                        + " was trained on care-tuning only (bench/train-complaint-model.sh)."
                        + " Reviews (amazon, yelp, imdb): compound score mapped to binary labels: three_class = VADER"
                        + " thresholds +-0.05 with neutral counted wrong; sign = score > 0 positive, otherwise negative."
                        + " macro_f1 averages the F1 of the positive and negative class.");
        report.put("results", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        System.out.println("Wrote " + out);
    }

    record Options(Path out, List<String> corpora, List<String> care, boolean misreads) {
        static Options of(String[] args, String defaultOut) {
            Path out = Path.of(defaultOut);
            List<String> corpora = List.of("amazon", "yelp", "imdb");
            List<String> care = List.of("care-heldout", TUNING);
            boolean misreads = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--corpora" -> corpora = List.of(args[++i].split(","));
                    case "--care" -> care = List.of(args[++i].split(","));
                    case "--misreads" -> misreads = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(out, corpora, care, misreads);
        }
    }
}
