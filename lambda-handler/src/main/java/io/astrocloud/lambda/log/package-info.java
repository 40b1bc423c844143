/**
 * The function's log: one line per log event, in the format the function is configured with
 * (Lambda's {@code LoggingConfig}: JSON objects with {@code timestamp}, {@code level} and
 * {@code message}, or text), filtered by its level, with the function's credentials masked; and the
 * SLF4J provider that sends the libraries' logging (the core, the AWS SDK) the same way.
 */
package io.astrocloud.lambda.log;
