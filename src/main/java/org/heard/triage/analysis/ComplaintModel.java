package org.heard.triage.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.StreamSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * A logistic regression over {@link ComplaintFeatures}, trained on the tuning posts by
 * {@code bench/train-complaint-model.sh} and shipped as {@code triage/complaint-model.json}. It does not
 * decide alone: the lexicon's verdict stands unless the model is confident against it, which keeps the
 * lexicon's precision on praise and questions and adds the complaints its rules miss.
 *
 * @param weights one per feature, for the features as they are (any scaling is folded in)
 * @param raiseAt the probability at or above which a message the lexicon reads as no complaint is one
 * @param lowerAt the probability at or below which a message the lexicon reads as a complaint is none
 */
public record ComplaintModel(double[] weights, double bias, double raiseAt, double lowerAt) {

    /** Where the trained model lives on the classpath. */
    public static final String RESOURCE = "triage/complaint-model.json";

    public ComplaintModel {
        if (!(lowerAt < raiseAt)) {
            throw new IllegalArgumentException("lowerAt " + lowerAt + " must lie below raiseAt " + raiseAt);
        }
        weights = weights.clone();
    }

    /** The model trained for this version of Heard. */
    public static ComplaintModel shipped() {
        try (var in = ComplaintModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "No " + RESOURCE + " on the classpath: run bench/train-complaint-model.sh");
            }
            var json = JsonMapper.builder().build().readTree(in);
            double[] weights = StreamSupport.stream(json.get("weights").spliterator(), false)
                    .mapToDouble(w -> w.asDouble())
                    .toArray();
            return new ComplaintModel(
                    weights,
                    json.get("bias").asDouble(),
                    json.get("raise_at").asDouble(),
                    json.get("lower_at").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How likely the message is a complaint, from 0 to 1. */
    public double probability(double[] features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException(
                    "The model reads " + weights.length + " features, not " + features.length);
        }
        double sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * features[i];
        }
        return 1 / (1 + StrictMath.exp(-sum));
    }

    /** The verdict: the lexicon's, unless the model's probability is confidently against it. */
    public boolean complaint(boolean lexicon, double probability) {
        return lexicon ? probability > lowerAt : probability >= raiseAt;
    }
}
