package org.qipathways.samples.generate.internal;

import java.util.SplittableRandom;

/**
 * A fixed discrete distribution over the indexes {@code 0..n-1}: {@code Weighted.of(60, 30, 10)}
 * draws 0 six times in ten. Draws are a linear scan, which beats anything cleverer at these sizes.
 */
final class Weighted {
    private final int[] cumulative;

    private Weighted(int[] cumulative) {
        this.cumulative = cumulative;
    }

    static Weighted of(int... weights) {
        int[] c = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            sum += weights[i];
            c[i] = sum;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        return new Weighted(c);
    }

    int size() {
        return cumulative.length;
    }

    int draw(SplittableRandom rng) {
        int r = rng.nextInt(cumulative[cumulative.length - 1]);
        int i = 0;
        while (cumulative[i] <= r) {
            i++;
        }
        return i;
    }
}
