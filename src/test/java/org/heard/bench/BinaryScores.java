package org.heard.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy and macro-F1 of predictions against binary labels. A prediction may be "neutral": it is
 * then wrong whatever the label, and lowers the recall of the labelled class.
 */
final class BinaryScores {

    private int truePositive;
    private int trueNegative;
    private int predictedPositive;
    private int predictedNegative;
    private int actualPositive;
    private int actualNegative;
    private int neutral;

    /** @param predicted 1 positive, -1 negative, 0 neutral */
    void add(boolean positive, int predicted) {
        if (positive) {
            actualPositive++;
        } else {
            actualNegative++;
        }
        if (predicted > 0) {
            predictedPositive++;
            truePositive += positive ? 1 : 0;
        } else if (predicted < 0) {
            predictedNegative++;
            trueNegative += positive ? 0 : 1;
        } else {
            neutral++;
        }
    }

    double accuracy() {
        return (truePositive + trueNegative) / (double) (actualPositive + actualNegative);
    }

    double macroF1() {
        return (f1(truePositive, predictedPositive, actualPositive)
                        + f1(trueNegative, predictedNegative, actualNegative))
                / 2;
    }

    Map<String, Object> report() {
        var report = new LinkedHashMap<String, Object>();
        report.put("accuracy", round(accuracy()));
        report.put("macro_f1", round(macroF1()));
        report.put("f1_positive", round(f1(truePositive, predictedPositive, actualPositive)));
        report.put("f1_negative", round(f1(trueNegative, predictedNegative, actualNegative)));
        report.put("predicted_neutral", neutral);
        report.put(
                "confusion",
                Map.of(
                        "positive_as_positive",
                        truePositive,
                        "negative_as_negative",
                        trueNegative,
                        "positive_as_negative",
                        predictedNegative - trueNegative,
                        "negative_as_positive",
                        predictedPositive - truePositive));
        return report;
    }

    private static double f1(int truePositives, int predicted, int actual) {
        if (truePositives == 0) {
            return 0;
        }
        double precision = truePositives / (double) predicted;
        double recall = truePositives / (double) actual;
        return 2 * precision * recall / (precision + recall);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
