/**
 * Verification of the signatures Box puts on every skill invocation request.
 *
 * <p>Entry point: {@link io.skillskit.signature.SignatureValidator}. Build one at start-up with the
 * app's primary and, optionally, secondary signature key, then call {@code verify} with the raw
 * body bytes and the request headers before anything parses the body. A failure is a {@link
 * io.skillskit.signature.SignatureVerificationException} whose {@code reason()} names the cause,
 * and a handler responds to it with {@code 401}. {@link io.skillskit.signature.SignatureHeaders}
 * names the headers, and {@link io.skillskit.signature.SignatureGenerator} signs requests for tests
 * and emulators.
 *
 * <p>This package depends on no other package of the kit except the root exception, and on no web
 * framework: it works on bytes and header maps.
 *
 * <p>Null rule: parameters and return values are non-null. The {@code verify} and {@code isValid}
 * methods are the exception: a {@code null} body, header map, header name or header value never
 * causes a {@link java.lang.NullPointerException}; it fails verification or is ignored, as each
 * method says.
 */
package io.skillskit.signature;
