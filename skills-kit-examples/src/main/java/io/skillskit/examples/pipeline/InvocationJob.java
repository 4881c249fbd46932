package io.skillskit.examples.pipeline;

import io.skillskit.box.BoxCallException;
import io.skillskit.box.FailureType;
import io.skillskit.box.FilesReader;
import io.skillskit.box.SkillsWriter;
import io.skillskit.box.TokenExpiredException;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.pipeline.InvocationOutcome.Result;
import io.skillskit.examples.skills.SkillResult;
import io.skillskit.request.SkillsRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The asynchronous part of one accepted invocation: processing card, processing with retries, then
 * the data cards or an error card.
 *
 * <p>Exactly one final write happens per invocation: either this job's (data cards or error card)
 * or the deadline's transient error card from {@link #abandon(Duration)}, whichever claims it
 * first.
 */
final class InvocationJob implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(InvocationJob.class);

  private final SkillPipeline.Settings settings;
  private final SkillsRequest request;
  private final Map<String, String> context;
  private final SkillsWriter writer;
  private final FilesReader reader;
  private final CompletableFuture<InvocationOutcome> completion = new CompletableFuture<>();
  private final AtomicBoolean finalWriteClaimed = new AtomicBoolean();
  private volatile int attempts;

  InvocationJob(
      SkillPipeline.Settings settings, SkillsRequest request, Map<String, String> context) {
    this.settings = settings;
    this.request = request;
    this.context = context;
    this.writer = SkillsWriter.of(request, settings.endpoints());
    this.reader = FilesReader.of(request, settings.endpoints());
  }

  CompletableFuture<InvocationOutcome> completion() {
    return completion;
  }

  @Override
  public void run() {
    if (context != null) {
      MDC.setContextMap(context);
    }
    try {
      work();
    } catch (RuntimeException | Error e) {
      log.error("Invocation {} failed unexpectedly", request.id(), e);
      if (claimFinalWrite()) {
        // Without a final card the file would show the processing card forever.
        writeErrorCard(
            SkillsError.FILE_PROCESSING_ERROR, FailureType.PERMANENT, Failures.describe(e));
      }
      // A failure after the final write was claimed would otherwise leave the outcome pending.
      finish(Result.NOT_REPORTED, List.of(), SkillsError.FILE_PROCESSING_ERROR, e);
      if (e instanceof Error error) {
        throw error;
      }
    } finally {
      MDC.clear();
    }
  }

  /**
   * Writes a transient error card because the caller's time budget ran out, unless the job is
   * already writing its final cards.
   *
   * @return {@code true} if this call wrote or tried to write the final card, {@code false} if the
   *     job had claimed the final write first
   */
  boolean abandon(Duration budget) {
    return abandon("its time budget of " + budget.toMillis() + " ms ran out");
  }

  /**
   * Writes a transient error card because the job will not finish, unless the job is already
   * writing its final cards. Box already received a 200 for the invocation, so without this card
   * the file would keep showing the processing card.
   *
   * @param reason why the job will not finish, completing "did not finish because ..."
   * @return {@code true} if this call wrote or tried to write the final card, {@code false} if the
   *     job had claimed the final write first
   */
  boolean abandon(String reason) {
    if (!claimFinalWrite()) {
      return false;
    }
    log.warn(
        "Invocation {} did not finish because {}; writing a transient error card",
        request.id(),
        reason);
    writeErrorCard(
        SkillsError.INVOCATIONS_ERROR,
        FailureType.TRANSIENT,
        "The invocation did not finish because " + reason);
    return true;
  }

  private void work() {
    log.info(
        "Started invocation {}: file {} (.{}), skill {}",
        request.id(),
        request.file().id(),
        request.file().extension(),
        request.skill().id());

    if (!writeProcessingCard()) {
      return;
    }

    SkillResult result;
    try {
      result = processWithRetries();
    } catch (TokenExpiredException e) {
      if (isWriteToken(e)) {
        stopOnRejectedWriteToken(e);
        return;
      }
      reportFailure(e);
      return;
    } catch (Exception e) {
      reportFailure(e);
      return;
    }
    if (result == null) {
      reportFailure(
          new IllegalStateException(
              "The skill "
                  + settings.skill()
                  + " returned null; expected a SkillResult, or an exception when it failed"));
      return;
    }
    reportSuccess(result);
  }

  /**
   * Returns {@code false} when the invocation must stop: the write token is dead, or the time
   * budget ran out before the job started.
   */
  private boolean writeProcessingCard() {
    if (finalWriteClaimed.get()) {
      log.info(
          "Skipped invocation {} because its time budget ran out before it started", request.id());
      return false;
    }
    try {
      writer.saveProcessingCard();
      return true;
    } catch (TokenExpiredException e) {
      stopOnRejectedWriteToken(e);
      return false;
    } catch (BoxCallException e) {
      log.warn(
          "Could not write the processing card of invocation {} (HTTP {}, Box request id {});"
              + " processing goes on",
          request.id(),
          e.statusCode(),
          e.boxRequestId().orElse("none"));
      return true;
    }
  }

  private SkillResult processWithRetries() throws Exception {
    int maxAttempts = settings.processingAttempts();
    for (int attempt = 1; ; attempt++) {
      attempts = attempt;
      try {
        return settings.skill().process(request, reader);
      } catch (Exception e) {
        if (attempt >= maxAttempts || !Failures.isTransient(e) || finalWriteClaimed.get()) {
          throw e;
        }
        Duration wait = settings.retryDelay().multipliedBy(1L << (attempt - 1));
        log.warn(
            "Attempt {} of {} to process invocation {} failed: {}; retrying in {} ms",
            attempt,
            maxAttempts,
            request.id(),
            Failures.describe(e),
            wait.toMillis());
        settings.sleeper().sleep(wait);
      }
    }
  }

  private void reportSuccess(SkillResult result) {
    if (!claimFinalWrite()) {
      log.info(
          "Dropped the cards of invocation {} because its time budget ran out first", request.id());
      return;
    }
    try {
      writer.saveDataCards(result.cards(), result.usage());
    } catch (TokenExpiredException e) {
      stopOnRejectedWriteToken(e);
      return;
    } catch (BoxCallException e) {
      log.error(
          "Box did not accept the cards of invocation {} (HTTP {}, Box request id {}): {}",
          request.id(),
          e.statusCode(),
          e.boxRequestId().orElse("none"),
          e.getMessage());
      if (e.failureType() == FailureType.TRANSIENT) {
        writeErrorCard(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT, Failures.describe(e));
      } else {
        writeErrorCard(
            SkillsError.FILE_PROCESSING_ERROR, FailureType.PERMANENT, Failures.describe(e));
      }
      // A failure after the final write was claimed would otherwise leave the outcome pending.
      finish(Result.NOT_REPORTED, List.of(), SkillsError.FILE_PROCESSING_ERROR, e);
      return;
    }
    log.info(
        "Finished invocation {}: wrote {} with status success after {} attempt(s)",
        request.id(),
        cardTypes(result.cards()),
        attempts);
    finish(Result.SUCCESS, result.cards(), null, null);
  }

  private void reportFailure(Exception failure) {
    Failures.Failure card = Failures.classify(failure);
    if (!claimFinalWrite()) {
      log.info(
          "Invocation {} failed after its time budget ran out: {}",
          request.id(),
          Failures.describe(failure));
      return;
    }
    if (card.expected() && card.type() == FailureType.PERMANENT) {
      // The file is at fault, such as an unsupported format, not the skill.
      log.info(
          "Invocation {} failed after {} attempt(s): {}; writing error card {} ({})",
          request.id(),
          attempts,
          Failures.describe(failure),
          card.error().code(),
          card.type().invocationStatus().wireValue());
    } else if (card.expected()) {
      log.warn(
          "Invocation {} failed after {} attempt(s): {}; writing error card {} ({})",
          request.id(),
          attempts,
          Failures.describe(failure),
          card.error().code(),
          card.type().invocationStatus().wireValue());
    } else {
      log.error(
          "Invocation {} failed unexpectedly after {} attempt(s); writing error card {}",
          request.id(),
          attempts,
          card.error().code(),
          failure);
    }
    writeErrorCard(card.error(), card.type(), Failures.describe(failure));
    if (failure instanceof InterruptedException) {
      // Catching the exception cleared the interrupt flag, so set it again for the caller.
      Thread.currentThread().interrupt();
    }
  }

  /** Writes an error card; the caller has claimed the final write. */
  private void writeErrorCard(SkillsError error, FailureType type, String failure) {
    try {
      writer.saveErrorCard(error, type);
    } catch (TokenExpiredException e) {
      stopOnRejectedWriteToken(e);
      return;
    } catch (BoxCallException e) {
      log.error(
          "Could not write error card {} of invocation {} (HTTP {}, Box request id {}): {}",
          error.code(),
          request.id(),
          e.statusCode(),
          e.boxRequestId().orElse("none"),
          e.getMessage());
      finishWithText(Result.NOT_REPORTED, List.of(), error, failure);
      return;
    }
    Result result =
        type == FailureType.TRANSIENT ? Result.TRANSIENT_FAILURE : Result.PERMANENT_FAILURE;
    finishWithText(result, List.of(), error, failure);
  }

  private void stopOnRejectedWriteToken(TokenExpiredException e) {
    log.warn(
        "Stopped invocation {}: the {} token expired or was rejected (HTTP {}), so no card can be"
            + " written for it; Box sends fresh tokens with its next invocation",
        request.id(),
        e.tokenName(),
        e.statusCode().isPresent() ? String.valueOf(e.statusCode().getAsInt()) : "none");
    // Claimed so that a deadline does not try to write with the same dead token.
    finalWriteClaimed.set(true);
    finishWithText(Result.NOT_REPORTED, List.of(), null, Failures.describe(e));
  }

  private boolean claimFinalWrite() {
    return finalWriteClaimed.compareAndSet(false, true);
  }

  private static boolean isWriteToken(TokenExpiredException e) {
    return "write".equals(e.tokenName());
  }

  private void finish(Result result, List<SkillCard> cards, SkillsError error, Throwable cause) {
    finishWithText(result, cards, error, cause == null ? null : Failures.describe(cause));
  }

  private void finishWithText(
      Result result, List<SkillCard> cards, SkillsError error, String failure) {
    InvocationOutcome outcome =
        new InvocationOutcome(
            request.id(),
            request.file().id(),
            request.file().name(),
            result,
            cards,
            error,
            attempts,
            failure);
    if (!completion.complete(outcome)) {
      return;
    }
    for (InvocationListener listener : settings.listeners()) {
      try {
        listener.onFinished(outcome);
      } catch (RuntimeException e) {
        log.warn("Invocation listener {} failed for invocation {}", listener, request.id(), e);
      }
    }
  }

  private static String cardTypes(List<SkillCard> cards) {
    StringBuilder text = new StringBuilder();
    for (SkillCard card : cards) {
      text.append(text.length() == 0 ? "" : ", ").append(card.cardType()).append(" card");
    }
    return text.toString();
  }
}
