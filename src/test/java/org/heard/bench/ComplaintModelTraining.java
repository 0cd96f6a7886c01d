package org.heard.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.heard.triage.Analysis;
import org.heard.triage.analysis.BrandVocabulary;
import org.heard.triage.analysis.ComplaintFeatures;
import org.heard.triage.analysis.ComplaintModel;
import org.heard.triage.analysis.SentenceVectors;
import org.heard.triage.analysis.SocialTextAnalyser;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains Heard's complaint model ({@link ComplaintModel}) on the tuning posts only and writes it to
 * {@code src/main/resources/triage/complaint-model.json}. First it estimates, by 5-fold cross-validation
 * on the same posts (folds drawn with a fixed seed), how the shipped reading — the lexicon's verdict,
 * overruled only when the model is confident — does on posts it was not fitted to; the held-out posts
 * are never read here. Usage: {@code ComplaintModelTraining [--out FILE]}.
 */
public final class ComplaintModelTraining {

    /** The penalty, the overruling thresholds: chosen by cross-validation on the tuning posts. */
    static final double L2 = 0.1;

    static final double RAISE_AT = 0.7;
    static final double LOWER_AT = 0.3;
    static final int ITERATIONS = 3000;
    static final double LEARNING_RATE = 0.1;
    static final int FOLDS = 5;
    static final long SEED = 17;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(
                args.length > 1 && args[0].equals("--out") ? args[1] : "src/main/resources/" + ComplaintModel.RESOURCE);
        var posts = CarePosts.load(AnalyserEvaluation.TUNING).posts();
        var lexicon = new SocialTextAnalyser(BrandVocabulary::none);
        var vectors = new SentenceVectors()
                .of(posts.stream()
                        .map(p -> ComplaintFeatures.modelText(p.text()))
                        .toList());
        double[][] x = new double[posts.size()][];
        boolean[] y = new boolean[posts.size()];
        var firstReadings = new ArrayList<Analysis>();
        for (int i = 0; i < posts.size(); i++) {
            String text = posts.get(i).text();
            x[i] = ComplaintFeatures.of(vectors.get(i), ComplaintFeatures.cues(text, BrandVocabulary.none()));
            y[i] = posts.get(i).complaint();
            firstReadings.add(lexicon.analyse(text));
        }
        var regression = new LogisticRegression(L2, ITERATIONS, LEARNING_RATE);
        crossValidate(regression, x, y, posts, firstReadings);

        var fit = regression.fit(x, y);
        write(out, fit, posts.size());
    }

    private static void crossValidate(
            LogisticRegression regression,
            double[][] x,
            boolean[] y,
            List<CarePosts.Post> posts,
            List<Analysis> firstReadings) {
        var order = new ArrayList<Integer>();
        for (int i = 0; i < x.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        double[] p = new double[x.length];
        for (int fold = 0; fold < FOLDS; fold++) {
            var train = new ArrayList<Integer>();
            for (int k = 0; k < order.size(); k++) {
                if (k % FOLDS != fold) {
                    train.add(order.get(k));
                }
            }
            boolean[] trainY = new boolean[train.size()];
            for (int k = 0; k < train.size(); k++) {
                trainY[k] = y[train.get(k)];
            }
            var fit = regression.fit(train.stream().map(i -> x[i]).toArray(double[][]::new), trainY);
            for (int k = fold; k < order.size(); k += FOLDS) {
                p[order.get(k)] = fit.probability(x[order.get(k)]);
            }
        }
        var lexicon = new CareScores();
        var modelAlone = new CareScores();
        var shipped = new CareScores();
        var rule = new ComplaintModel(new double[0], 0, RAISE_AT, LOWER_AT);
        for (int i = 0; i < x.length; i++) {
            var first = firstReadings.get(i);
            lexicon.add(posts.get(i), first);
            modelAlone.add(posts.get(i), AnalyserEvaluation.withComplaint(first, p[i] >= 0.5));
            shipped.add(posts.get(i), AnalyserEvaluation.withComplaint(first, rule.complaint(first.complaint(), p[i])));
        }
        print("lexicon", lexicon);
        print("model alone (cv)", modelAlone);
        print("shipped (cv)", shipped);
    }

    private static void print(String name, CareScores scores) {
        var report = scores.report();
        System.out.printf(
                "care-tuning %-17s complaint P %.3f R %.3f F1 %.3f | praise or questions as complaints %.1f %%%n",
                name,
                report.get("complaint_precision"),
                report.get("complaint_recall"),
                scores.complaintF1(),
                100 * scores.praiseOrQuestionsAsComplaint());
    }

    private static void write(Path out, LogisticRegression.Fit fit, int posts) throws Exception {
        var model = new LinkedHashMap<String, Object>();
        model.put(
                "about",
                "Heard's complaint model: logistic regression over the all-MiniLM-L6-v2 (quantised) vector of"
                        + " ComplaintFeatures.modelText followed by the " + ComplaintFeatures.CUES
                        + " lexicon cues of ComplaintFeatures.cues. The lexicon's verdict stands unless the"
                        + " probability is >= raise_at (becomes a complaint) or <= lower_at (stops being one).");
        model.put("made_by", "bench/train-complaint-model.sh (org.heard.bench.ComplaintModelTraining)");
        model.put("trained_on", "src/test/resources/corpus/care-tuning.json, " + posts + " posts; never care-heldout");
        model.put("l2", L2);
        model.put("iterations", ITERATIONS);
        model.put("learning_rate", LEARNING_RATE);
        model.put("raise_at", RAISE_AT);
        model.put("lower_at", LOWER_AT);
        model.put("bias", round(fit.bias()));
        var weights = new ArrayList<BigDecimal>();
        for (double w : fit.weights()) {
            weights.add(round(w));
        }
        model.put("weights", weights);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), model);
        System.out.println("Wrote " + out);
    }

    // Six significant digits: far finer than the model's accuracy, and the file stays small and stable.
    private static BigDecimal round(double value) {
        return new BigDecimal(value).round(new MathContext(6));
    }
}
