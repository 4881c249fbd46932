/**
 * Reading the file from Box and writing skill cards back: the only package of the kit that talks to
 * Box.
 *
 * <p>Entry points: {@link io.skillskit.box.BoxEndpoints} (one per application: base URL, HTTP
 * client, timeouts, retries), {@link io.skillskit.box.FilesReader} (the file or a basic format of
 * it, with the read token) and {@link io.skillskit.box.SkillsWriter} (cards and invocation status,
 * with the write token).
 *
 * <pre>{@code
 * BoxEndpoints box = BoxEndpoints.production();
 * SkillsWriter writer = SkillsWriter.of(request, box);
 * writer.saveProcessingCard();
 * FilesReader reader = FilesReader.of(request, box);
 * try (InputStream in = reader.requireFormat("mp3").openContent()) {
 *   writer.saveDataCards(List.of(analyse(in)));
 * } catch (FileRejectedException e) {
 *   writer.saveErrorCard(e.skillsError());
 * } catch (BoxCallException e) {
 *   writer.saveErrorCard(SkillsError.FILE_PROCESSING_ERROR, e.failureType());
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> A failed Box call throws {@link io.skillskit.box.BoxCallException} with the
 * HTTP status, Box's error code and request id, and whether the failure is transient. An expired or
 * rejected token throws {@link io.skillskit.box.TokenExpiredException}: skill tokens cannot be
 * refreshed, so the kit never tries. A file the skill will not process throws {@link
 * io.skillskit.box.FileRejectedException}, and a basic format Box cannot deliver {@link
 * io.skillskit.box.BasicFormatException}; both carry the {@code SkillsError} for the error card.
 *
 * <p><b>Logging.</b> The package logs through SLF4J at DEBUG only: one line per attempt of a Box
 * call with method, path (without query string), HTTP status, attempt number and Box request id,
 * plus retries, basic format states and dropped processing writes. Tokens, {@code Authorization}
 * headers, download locations and request or response bodies are never logged. Applications put the
 * invocation id into the SLF4J MDC under the key {@value
 * io.skillskit.box.SkillsWriter#MDC_INVOCATION_ID} for the duration of an invocation, so that each
 * line can be traced to its invocation:
 *
 * <pre>{@code
 * try (MDC.MDCCloseable c = MDC.putCloseable("skillsInvocationId", request.id())) {
 *   process(request);
 * }
 * }</pre>
 *
 * <p><b>Box SDK.</b> The package builds on the Box Java SDK (box-java-sdk 5.6.0, package {@code
 * com.box.sdkgen}) for its HTTP client, and sends requests with that client itself so that one
 * retry policy with an injectable sleeper governs every call. {@link
 * io.skillskit.box.BoxEndpoints#networkSession()} offers an SDK session on the same client for
 * calls the kit lacks.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; values that may be
 * absent are returned as {@link java.util.Optional}.
 */
package io.skillskit.box;
