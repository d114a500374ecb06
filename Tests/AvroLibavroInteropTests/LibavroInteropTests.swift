import Testing

/// libavro is not thread-safe (its schemas and value classes count references without atomics and share
/// global state), so every test that calls it runs one at a time under this suite.
@Suite(.serialized) struct LibavroInteropTests {}
