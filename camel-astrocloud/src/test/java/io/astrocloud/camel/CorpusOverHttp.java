package io.astrocloud.camel;

/** The corpus served under /corpus/ over HTTP with Range, for one test class (the testkit's extension). */
final class CorpusOverHttp extends io.astrocloud.testkit.http.CorpusOverHttp {
}
