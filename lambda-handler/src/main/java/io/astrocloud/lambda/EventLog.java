package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * One line per event in the function's log: what was done to which object, or why it failed.
 * Only event contents and outcomes are logged, never settings, clients or credentials.
 */
final class EventLog {
    private final LambdaLogger logger;

    private EventLog(LambdaLogger logger) {
        this.logger = logger;
    }

    static EventLog of(Context context) {
        if (context != null && context.getLogger() != null) {
            return new EventLog(context.getLogger());
        }
        return new EventLog(new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
    }

    void outcome(IndexOutcome outcome) {
        logger.log(outcome.toString());
    }

    void failure(String what, Exception e) {
        logger.log("FAILED " + what + ": " + e.getMessage());
    }
}
