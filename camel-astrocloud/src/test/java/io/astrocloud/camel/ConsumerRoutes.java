package io.astrocloud.camel;

import org.apache.camel.builder.RouteBuilder;

/** The routes the consumer tests run: a consumer sending to mock:hdus, its errors to mock:errors. */
final class ConsumerRoutes {
    private ConsumerRoutes() {
    }

    /** {@code from(uri).to("mock:hdus")}. */
    static RouteBuilder toMock(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:hdus");
            }
        };
    }

    /** The same with the error handler bridged: what fails goes to mock:errors, handled. */
    static RouteBuilder withErrorsToMock(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from(uri + (uri.contains("?") ? "&" : "?") + "bridgeErrorHandler=true").to("mock:hdus");
            }
        };
    }
}
