package io.tagbase.bench;

import io.tagbase.engine.score.Quantiles;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the engine operations behind the query mix, on the bench's generated data
 * (same seed, same tags as {@link Bench}), one operation per method:
 *
 * <pre>
 * java -cp tagbase-bench/target/tagbase-bench-0.1.0-SNAPSHOT-all.jar org.openjdk.jmh.Main \
 *     EngineBenchmarks -p customers=1000000
 * </pre>
 *
 * Where {@link Bench} answers "how fast is each query, next to PostgreSQL", these isolate one
 * engine call each with JMH's warm-up, forking and dead-code protection, for comparing engine
 * changes. {@code EngineBenchmarksTest} checks each method's answer against the query mix's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class EngineBenchmarks {
  @Param({"1000000"})
  public int customers;

  private TagbaseEngine engine;
  private BenchQuery s1;
  private BenchQuery s2;
  private BenchQuery s3;
  private BenchQuery s5;
  private BenchQuery s6;
  private BenchQuery s8;
  private double[] amounts;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new TagbaseEngine(BenchData.generate(customers, 42));
    List<BenchQuery> mix = BenchQuery.mix();
    s1 = query(mix, "S1");
    s2 = query(mix, "S2");
    s3 = query(mix, "S3");
    s5 = query(mix, "S5");
    s6 = query(mix, "S6");
    s8 = query(mix, "S8");
    Random random = new Random(42);
    amounts = new double[customers];
    for (int i = 0; i < customers; i++) {
      amounts[i] = Math.rint(StrictMath.exp(4 + 1.2 * random.nextGaussian()) * 100) / 100;
    }
  }

  private static BenchQuery query(List<BenchQuery> mix, String id) {
    return mix.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
  }

  /** One dense tag's live count (S1). */
  @Benchmark
  public long[] oneTagCount() {
    return engine.run(s1);
  }

  /** The fused two-tag AND count (S2). */
  @Benchmark
  public long[] twoTagAndCount() {
    return engine.run(s2);
  }

  /** The block counter over a 10-clause AND/OR/NOT tree with a cohort span (S3). */
  @Benchmark
  public long[] tenClauseCount() {
    return engine.run(s3);
  }

  /** Evaluating S3 to a bitmap, then counting it against all 200 tags (S5). */
  @Benchmark
  public long[] distributionOver200Tags() {
    return engine.run(s5);
  }

  /** The 20 x 20 pair counts of the densest tags (S6). */
  @Benchmark
  public long[] overlap20x20() {
    return engine.run(s6);
  }

  /** A ~1 % segment's ids mapped to external ids (S8). */
  @Benchmark
  public long[] exportIds() {
    return engine.run(s8);
  }

  /** Five quantile cut points over one value per customer, as RFM monetary scoring takes them. */
  @Benchmark
  public double[] quintileCutPoints() {
    return Quantiles.cutPoints(amounts, 5);
  }

  /** For tests: the values {@link #quintileCutPoints} cuts. */
  double[] amountsForTest() {
    return amounts;
  }

  /** For tests: the answer of a query of the mix on the same engine. */
  long[] answer(String id) {
    return engine.run(query(BenchQuery.mix(), id));
  }
}
