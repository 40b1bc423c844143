package io.astrocloud.lambda.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the deployed function (registered only inside the Lambda jar, so that modules
 * that embed the indexer keep their own binding): whatever the core and the AWS SDK log goes to the
 * function's log through {@link FunctionLog}, as JSON with its level when Lambda's log format is JSON,
 * at or above Lambda's application log level. Written here rather than taken from Log4j 2 with AWS's
 * {@code aws-lambda-java-log4j2} appender because it shares the handlers' line format and credential
 * mask, and costs some 170 lines instead of 2.6 MB of jar (Log4j 2.25.3's core, API, JSON layout and
 * SLF4J bridge, and AWS's appender) and Log4j's configuration start-up on every cold start.
 */
public final class Slf4jProvider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = new Loggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: FunctionLog reads its settings on first use.
    }

    private static final class Loggers implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, n -> new Slf4jLogger(n, FunctionLog.ofProcess()));
        }
    }
}
