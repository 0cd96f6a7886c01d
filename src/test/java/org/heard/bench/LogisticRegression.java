package org.heard.bench;

/**
 * Binary logistic regression with an L2 penalty, fitted by full-batch gradient descent from zero weights:
 * no randomness, so the same posts always give the same model. Features are standardised while fitting
 * (each to mean 0 and standard deviation 1, so one penalty suits them all) and the scaling is folded back
 * into the weights, which then apply to the features as they are.
 */
final class LogisticRegression {

    /** The smallest standard deviation a feature is scaled by; the sentence vectors' dimensions spread ~0.05. */
    static final double SMALLEST_SPREAD = 0.01;

    private final double l2;
    private final int iterations;
    private final double learningRate;

    LogisticRegression(double l2, int iterations, double learningRate) {
        this.l2 = l2;
        this.iterations = iterations;
        this.learningRate = learningRate;
    }

    /** A fitted model: {@code p = 1 / (1 + exp(-(bias + weights · x)))}. */
    record Fit(double[] weights, double bias) {

        double probability(double[] x) {
            double sum = bias;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * x[j];
            }
            return 1 / (1 + StrictMath.exp(-sum));
        }
    }

    Fit fit(double[][] x, boolean[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        double[][] z = new double[n][d];
        for (int j = 0; j < d; j++) {
            // A feature that hardly varies in the posts is scaled as if it varied by SMALLEST_SPREAD: scaled by its own
            // near-zero spread, its folded-back weight grew to -3e7, and text unlike the posts swung the probability.
            // One that never varies keeps a zero weight.
            sd[j] = Math.max(Math.sqrt(sd[j]), SMALLEST_SPREAD);
            for (int i = 0; i < n; i++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[] w = new double[d];
        double b = 0;
        for (int step = 0; step < iterations; step++) {
            double[] gradient = new double[d];
            double gradientB = 0;
            for (int i = 0; i < n; i++) {
                double sum = b;
                for (int j = 0; j < d; j++) {
                    sum += w[j] * z[i][j];
                }
                double error = 1 / (1 + StrictMath.exp(-sum)) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * z[i][j] / n;
                }
                gradientB += error / n;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= learningRate * (gradient[j] + l2 * w[j]);
            }
            b -= learningRate * gradientB;
        }
        // w · (x - mean) / sd + b  =  (w / sd) · x + (b - Σ w mean / sd)
        double[] weights = new double[d];
        double bias = b;
        for (int j = 0; j < d; j++) {
            weights[j] = w[j] / sd[j];
            bias -= w[j] * mean[j] / sd[j];
        }
        return new Fit(weights, bias);
    }
}
