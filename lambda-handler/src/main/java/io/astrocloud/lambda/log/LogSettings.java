package io.astrocloud.lambda.log;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.function.UnaryOperator;

/**
 * How the function logs, as Lambda tells it: {@value #FORMAT_ENV} is {@code JSON} when the function's
 * {@code LoggingConfig} says {@code LogFormat: JSON} (template.yaml does), and {@value #LEVEL_ENV} is
 * then its {@code ApplicationLogLevel}. Outside Lambda neither is set: text, at INFO.
 *
 * @param format  JSON objects or text lines
 * @param minimum the least severe level written
 */
public record LogSettings(LogFormat format, LogLevel minimum) {
    /** Set by Lambda from {@code LoggingConfig.LogFormat}. */
    public static final String FORMAT_ENV = "AWS_LAMBDA_LOG_FORMAT";
    /** Set by Lambda from {@code LoggingConfig.ApplicationLogLevel} (JSON format only). */
    public static final String LEVEL_ENV = "AWS_LAMBDA_LOG_LEVEL";

    /** Reads the settings from {@code env}; unknown values fall back to text and INFO. */
    public static LogSettings from(UnaryOperator<String> env) {
        LogFormat format = "JSON".equalsIgnoreCase(env.apply(FORMAT_ENV)) ? LogFormat.JSON : LogFormat.TEXT;
        LogLevel minimum = LogLevel.INFO;
        String level = env.apply(LEVEL_ENV);
        if (level != null && !level.isBlank()) {
            try {
                minimum = LogLevel.fromString(level.strip());
            } catch (IllegalArgumentException ignored) {
                // Lambda validates the level; a hand-set odd value keeps the default.
            }
        }
        return new LogSettings(format, minimum);
    }

    /** The settings of this process. */
    public static LogSettings fromEnvironment() {
        return from(System::getenv);
    }

    /** Whether events of {@code level} are written. */
    public boolean enabled(LogLevel level) {
        return level.ordinal() >= minimum.ordinal();
    }
}
