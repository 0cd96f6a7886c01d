package org.heard.bench;

import static org.heard.bench.BinaryScores.round;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;

/**
 * How well readings of labelled posts match their labels: complaint precision, recall and F1 (a
 * complaint is the positive class), the share of praise and plain questions read as complaints, and
 * three-class sentiment macro-F1 (the mean of each class's F1).
 */
final class CareScores {

    private int complaintAsComplaint;
    private int readAsComplaint;
    private int complaints;
    private int praiseOrQuestions;
    private int praiseOrQuestionsAsComplaint;
    private int posts;
    private int sentimentRight;
    private final Map<Sentiment, int[]> sentiment = new EnumMap<>(Sentiment.class);

    CareScores() {
        for (var s : Sentiment.values()) {
            sentiment.put(s, new int[3]); // right, predicted, actual
        }
    }

    void add(CarePosts.Post post, Analysis reading) {
        posts++;
        complaints += post.complaint() ? 1 : 0;
        readAsComplaint += reading.complaint() ? 1 : 0;
        complaintAsComplaint += post.complaint() && reading.complaint() ? 1 : 0;
        if (post.praiseOrQuestion()) {
            praiseOrQuestions++;
            praiseOrQuestionsAsComplaint += reading.complaint() ? 1 : 0;
        }
        sentiment.get(reading.sentiment())[1]++;
        sentiment.get(post.sentiment())[2]++;
        if (reading.sentiment() == post.sentiment()) {
            sentiment.get(post.sentiment())[0]++;
            sentimentRight++;
        }
    }

    double complaintF1() {
        return f1(complaintAsComplaint, readAsComplaint, complaints);
    }

    double praiseOrQuestionsAsComplaint() {
        return praiseOrQuestions == 0 ? 0 : praiseOrQuestionsAsComplaint / (double) praiseOrQuestions;
    }

    double sentimentMacroF1() {
        return sentiment.values().stream()
                        .mapToDouble(counts -> f1(counts[0], counts[1], counts[2]))
                        .sum()
                / sentiment.size();
    }

    Map<String, Object> report() {
        var report = new LinkedHashMap<String, Object>();
        report.put("posts", posts);
        report.put("complaints", complaints);
        report.put("complaint_precision", round(ratio(complaintAsComplaint, readAsComplaint)));
        report.put("complaint_recall", round(ratio(complaintAsComplaint, complaints)));
        report.put("complaint_f1", round(complaintF1()));
        report.put("praise_or_questions", praiseOrQuestions);
        report.put("praise_or_questions_read_as_complaints", praiseOrQuestionsAsComplaint);
        report.put("praise_or_questions_read_as_complaints_percent", round(100 * praiseOrQuestionsAsComplaint()));
        report.put("sentiment_accuracy", round(ratio(sentimentRight, posts)));
        report.put("sentiment_macro_f1", round(sentimentMacroF1()));
        var perClass = new LinkedHashMap<String, Object>();
        sentiment.forEach((s, counts) -> perClass.put(
                s.name().toLowerCase(Locale.ROOT),
                Map.of("f1", round(f1(counts[0], counts[1], counts[2])), "labelled", counts[2], "read", counts[1])));
        report.put("sentiment_per_class", perClass);
        return report;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private static double f1(int right, int predicted, int actual) {
        if (right == 0) {
            return 0;
        }
        double precision = right / (double) predicted;
        double recall = right / (double) actual;
        return 2 * precision * recall / (precision + recall);
    }
}
