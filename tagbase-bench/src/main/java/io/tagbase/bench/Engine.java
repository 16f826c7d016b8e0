package io.tagbase.bench;

/** Something that answers the query mix over the loaded data. */
interface Engine extends AutoCloseable {

  String name();

  /** The answer to {@code query}, in the shape {@link BenchQuery} describes. */
  long[] run(BenchQuery query) throws Exception;

  @Override
  default void close() throws Exception {}
}
