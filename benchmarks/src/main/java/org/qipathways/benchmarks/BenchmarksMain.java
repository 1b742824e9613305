package org.qipathways.benchmarks;

import java.util.Arrays;
import org.qipathways.benchmarks.figures.Figures;

/**
 * The benchmarks jar's entry point: {@code figures [--quick]} runs the figures harness, anything
 * else goes to JMH as before.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar figures --quick
 * java -jar benchmarks/target/benchmarks.jar EvaluationBenchmark -prof gc
 * </pre>
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("figures")) {
            System.exit(Figures.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        org.openjdk.jmh.Main.main(args);
    }
}
