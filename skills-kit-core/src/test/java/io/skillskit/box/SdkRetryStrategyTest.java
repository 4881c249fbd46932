package io.skillskit.box;

import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.box.sdkgen.box.developertokenauth.BoxDeveloperTokenAuth;
import com.box.sdkgen.box.errors.BoxAPIError;
import com.box.sdkgen.client.BoxClient;
import com.box.sdkgen.networking.fetchoptions.FetchOptions;
import com.box.sdkgen.networking.fetchoptions.ResponseFormat;
import com.box.sdkgen.networking.fetchresponse.FetchResponse;
import io.skillskit.internal.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry strategy the kit installs on the SDK session, checked against the defects of the SDK's
 * own strategy in box-java-sdk 5.6.0.
 */
class SdkRetryStrategyTest {

  private final FakeBox box = new FakeBox();
  private final BoxEndpoints endpoints = BoxEndpoints.at(box.uri());
  private final BoxClient client =
      new BoxClient.Builder(new BoxDeveloperTokenAuth("sdk-test-token"))
          .networkSession(endpoints.networkSession())
          .build();
  private final SdkRetryStrategy strategy =
      new SdkRetryStrategy(
          new RetryPolicy(
              5,
              Duration.ofSeconds(60),
              Duration.ofSeconds(1),
              Duration.ofSeconds(30),
              0,
              () -> 0.5));

  @AfterEach
  void stop() {
    endpoints.close();
    box.close();
  }

  @Test
  void unauthorizedIsThrownWithoutTokenRefresh() {
    box.on("GET", "/2.0/files/123", empty(401, "BOX-REQUEST-ID", "fakereq0401expired0001"));

    assertThatThrownBy(() -> client.files.getFileById("123"))
        .isInstanceOfSatisfying(
            BoxAPIError.class, e -> assertThat(e.getResponseInfo().getStatusCode()).isEqualTo(401));
    assertThat(FilesReaderTest.targets(box)).containsExactly("GET /2.0/files/123");
  }

  @Test
  void serverErrorOfPostIsNotRetried() {
    box.on("POST", "/2.0/files/123/metadata/global/boxSkillsCards", json(500, "{}"));

    assertThatThrownBy(
            () ->
                client.makeRequest(
                    new FetchOptions.Builder(
                            box.base() + "/2.0/files/123/metadata/global/boxSkillsCards", "POST")
                        .data(Fixtures.tree("{\"cards\":[]}"))
                        .contentType("application/json")
                        .responseFormat(ResponseFormat.JSON)
                        .build()))
        .isInstanceOfSatisfying(
            BoxAPIError.class, e -> assertThat(e.getResponseInfo().getStatusCode()).isEqualTo(500));
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void httpDateRetryAfterIsParsed() {
    FetchOptions options = new FetchOptions("https://api.box.com/2.0/files/1", "GET");
    FetchResponse response = response(429, "Retry-After", "Sat, 14 Mar 2099 16:41:13 GMT");

    FetchOptions other = new FetchOptions("https://api.box.com/2.0/files/2", "GET");

    assertThat(strategy.shouldRetry(options, response, 1)).isFalse();
    assertThat(
            strategy.shouldRetry(
                other, response(429, "Retry-After", "Sat, 14 Mar 2020 16:41:13 GMT"), 1))
        .isTrue();
    assertThat(
            strategy.retryAfter(
                other, response(429, "Retry-After", "Sat, 14 Mar 2020 16:41:13 GMT"), 1))
        .isEqualTo(0.0);
    assertThat(strategy.retryAfter(options, response(429, "retry-after", "3"), 1)).isEqualTo(3.0);
  }

  @Test
  void fractionalWaitIsRoundedUp() {
    FetchOptions options = new FetchOptions("https://api.box.com/2.0/files/1", "GET");

    assertThat(strategy.retryAfter(options, response(429, "Retry-After", "0.5"), 1)).isEqualTo(1.0);
  }

  @Test
  void attemptsAreCountedAcrossNetworkFailures() {
    FetchOptions options = new FetchOptions("https://api.box.com/2.0/files/1", "GET");
    FetchResponse stale = response(503);

    // The SDK passes the last response again after a network failure, with a separate count.
    assertThat(strategy.shouldRetry(options, stale, 1)).isTrue();
    assertThat(strategy.shouldRetry(options, stale, 1)).isTrue();
    assertThat(strategy.shouldRetry(options, stale, 2)).isTrue();
    assertThat(strategy.shouldRetry(options, stale, 3)).isTrue();
    assertThat(strategy.shouldRetry(options, stale, 4)).isFalse();
  }

  @Test
  void serverErrorOfPostIsDeclined() {
    FetchOptions post = new FetchOptions("https://api.box.com/2.0/files/1", "POST");

    assertThat(strategy.shouldRetry(post, response(502), 1)).isFalse();
    assertThat(strategy.shouldRetry(post, response(429), 1)).isTrue();
  }

  @Test
  void successIsNotRetried() {
    FetchOptions options = new FetchOptions("https://api.box.com/2.0/files/1", "GET");

    assertThat(strategy.shouldRetry(options, response(200), 1)).isFalse();
    assertThat(strategy.shouldRetry(options, response(401), 1)).isFalse();
  }

  private static FetchResponse response(int status, String... headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return new FetchResponse.Builder(status, map).build();
  }
}
