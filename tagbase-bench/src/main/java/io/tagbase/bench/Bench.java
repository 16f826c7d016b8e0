package io.tagbase.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the benchmark and writes the markdown table to stdout and to a file (see docs/benchmark.md).
 * Exits with status 1 if any engine's answer differs from Tagbase's.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    long start = System.nanoTime();
    BenchReport report = new BenchRun(options, System.err).run();
    String markdown =
        report.markdown()
            + String.format(
                "%nWhole run (generation, loading, snapshot, every query on every engine): %.1f min.%n",
                (System.nanoTime() - start) / 60e9);
    System.out.println(markdown);
    Path out = Path.of(options.out());
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, markdown);
    System.err.println("written to " + out.toAbsolutePath());
    if (!report.mismatches().isEmpty()) {
      System.exit(1);
    }
  }
}
