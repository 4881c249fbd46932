package io.skillskit.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one skill invocation event from a streaming parser, picking the fields the kit needs and
 * skipping the rest. Streaming avoids building a tree for the whole body.
 */
final class EventReader {

  private static final String SKILL_INVOCATION = "skill_invocation";

  private final JsonFactory factory;
  private final JsonParser parser;
  private final Instant receivedAt;

  private String id;
  private boolean skillSeen;
  private String skillId;
  private String skillName = "";
  private String apiKey = "";
  private boolean sourceSeen;
  private String sourceType;
  private String fileId;
  private String fileName;
  private long fileSize = SourceFile.UNKNOWN_SIZE;
  private String versionId;
  private String parentFolderId;
  private boolean tokenSeen;
  private TokenFields read;
  private TokenFields write;
  private String enterpriseId;
  private String createdAt;
  private String trigger;
  private String eventType;

  EventReader(JsonFactory factory, JsonParser parser, Instant receivedAt) {
    this.factory = factory;
    this.parser = parser;
    this.receivedAt = receivedAt;
  }

  SkillsRequest read() throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw invalid("$", "body is " + describe(first) + "; expected a JSON object");
    }
    ReadFields seen = new ReadFields("$");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "type" -> readType();
        case "id" -> id = readId("$.id");
        case "skill" -> readSkill();
        case "source" -> readSource();
        case "token" -> readTokens();
        case "enterprise" -> readEnterprise();
        case "event" -> readEvent();
        case "created_at" -> createdAt = readOptionalString();
        case "trigger" -> trigger = readOptionalString();
        default -> {
          skipValue();
          continue;
        }
      }
      seen.add(field);
    }
    if (parser.nextToken() != null) {
      throw invalid("$", "body has content after the JSON object; expected one object only");
    }
    return build();
  }

  private SkillsRequest build() {
    if (id == null) {
      throw missing("$.id", "the invocation id as a string");
    }
    if (!skillSeen) {
      throw missing("$.skill", "an object with the skill's id");
    }
    if (skillId == null) {
      throw missing("$.skill.id", "the skill id as a string or an integer");
    }
    if (!sourceSeen) {
      throw missing("$.source", "an object describing the file");
    }
    if (sourceType != null && !sourceType.equals("file")) {
      String what =
          sourceType.equals("folder")
              ? "$.source is a folder"
              : "$.source.type is " + quotedIfName(sourceType);
      throw invalid("$.source.type", what + "; expected a file because skills run on files only");
    }
    if (fileId == null) {
      throw missing("$.source.id", "the file id as a string or an integer");
    }
    if (fileName == null) {
      throw missing("$.source.name", "the file name as a string");
    }
    if (!tokenSeen) {
      throw missing("$.token", "an object with the read and write tokens");
    }
    AccessToken readToken = token("read", read);
    AccessToken writeToken = token("write", write);
    return new SkillsRequest(
        id,
        new Skill(skillId, skillName, apiKey),
        new SourceFile(fileId, fileName, fileSize, versionId, parentFolderId),
        readToken,
        writeToken,
        enterpriseId,
        createdAt,
        trigger,
        eventType,
        receivedAt);
  }

  private AccessToken token(String which, TokenFields fields) {
    String path = "$.token." + which;
    if (fields == null) {
      throw missing(path, "an object with access_token");
    }
    if (fields.accessToken == null) {
      throw missing(path + ".access_token", "the " + which + " token as a non-empty string");
    }
    Instant expiresAt = null;
    if (fields.expiresIn >= 0) {
      try {
        expiresAt =
            fields.expiresIn >= SkillsRequestParser.EPOCH_SECONDS_THRESHOLD
                ? Instant.ofEpochSecond(fields.expiresIn)
                : receivedAt.plusSeconds(fields.expiresIn);
      } catch (DateTimeException | ArithmeticException e) {
        throw invalid(
            path + ".expires_in",
            path + ".expires_in is " + fields.expiresIn + ", which is beyond any date; expected "
                + "a Unix time in seconds or a number of seconds to live");
      }
    }
    if (fields.scopesText != null) {
      String text = fields.scopesText;
      return new AccessToken(fields.accessToken, expiresAt, () -> parseScopeText(factory, text));
    }
    return new AccessToken(fields.accessToken, expiresAt, fields.scopes);
  }

  private void readType() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType("$.type", "the string \"skill_invocation\"", token);
    }
    String type = parser.getText();
    if (!type.equals(SKILL_INVOCATION)) {
      throw invalid(
          "$.type",
          "$.type must be \"skill_invocation\" but is "
              + quotedIfName(type)
              + "; this body is not a skill invocation event");
    }
  }

  private void readSkill() throws IOException {
    expectObject("$.skill");
    skillSeen = true;
    ReadFields seen = new ReadFields("$.skill");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "id" -> skillId = readUrlId("$.skill.id");
        case "name" -> skillName = orEmpty(readOptionalString());
        case "api_key" -> apiKey = orEmpty(readOptionalString());
        default -> {
          skipValue();
          continue;
        }
      }
      seen.add(field);
    }
  }

  private void readSource() throws IOException {
    expectObject("$.source");
    sourceSeen = true;
    ReadFields seen = new ReadFields("$.source");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "type" -> sourceType = readOptionalString();
        case "id" -> fileId = readUrlId("$.source.id");
        case "name" -> fileName = readRequiredString("$.source.name", "the file name");
        case "size" -> fileSize = readSize();
        case "file_version" -> versionId = readNestedId("$.source.file_version", true);
        case "parent" -> parentFolderId = readNestedId("$.source.parent", false);
        default -> {
          skipValue();
          continue;
        }
      }
      seen.add(field);
    }
  }

  private void readTokens() throws IOException {
    expectObject("$.token");
    tokenSeen = true;
    ReadFields seen = new ReadFields("$.token");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "read" -> read = readToken("$.token.read");
        case "write" -> write = readToken("$.token.write");
        default -> {
          skipValue();
          continue;
        }
      }
      seen.add(field);
    }
  }

  private TokenFields readToken(String path) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw wrongType(path, "an object with access_token", token);
    }
    TokenFields fields = new TokenFields();
    ReadFields seen = new ReadFields(path);
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "access_token" -> fields.accessToken = readTokenValue(path + ".access_token");
        case "expires_in" -> fields.expiresIn = readExpiresIn(path + ".expires_in");
        case "restricted_to" -> readScopes(fields);
        default -> {
          skipValue();
          continue;
        }
      }
      seen.add(field);
    }
    return fields;
  }

  private String readTokenValue(String path) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      // The value is never quoted here: a token in the wrong place is still a secret.
      throw wrongType(path, "the token as a string", token);
    }
    String value = parser.getText();
    if (value.isBlank()) {
      throw invalid(path, path + " is blank; expected the token as a non-empty string");
    }
    return value;
  }

  private long readExpiresIn(String path) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return -1;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw invalid(path, path + " is too large; expected a Unix time or seconds to live");
      }
      long value = parser.getLongValue();
      if (value < 0) {
        throw invalid(path, path + " is " + value + "; expected a number of seconds >= 0");
      }
      return value;
    }
    if (token == JsonToken.VALUE_STRING && isDigits(parser.getText())) {
      try {
        return Long.parseLong(parser.getText());
      } catch (NumberFormatException e) {
        throw invalid(path, path + " is too large; expected a Unix time or seconds to live");
      }
    }
    throw wrongType(path, "an integer number of seconds", token);
  }

  private void readScopes(TokenFields fields) throws IOException {
    JsonToken token = parser.nextToken();
    fields.scopes = List.of();
    fields.scopesText = null;
    if (token == JsonToken.START_ARRAY) {
      fields.scopes = readScopeArray(parser);
    } else if (token == JsonToken.VALUE_STRING) {
      // Real events carry the list as JSON text inside a string. It is decoded only when a
      // caller asks for the scopes, which most skills never do.
      fields.scopesText = parser.getText();
    } else {
      parser.skipChildren();
    }
  }

  /**
   * Decodes {@code restricted_to} sent as JSON text. The scopes only inform callers, so text that
   * is not a JSON array of scopes gives an empty list instead of an error.
   */
  private static List<String> parseScopeText(JsonFactory factory, String text) {
    try (JsonParser inner = factory.createParser(text)) {
      if (inner.nextToken() == JsonToken.START_ARRAY) {
        return readScopeArray(inner);
      }
    } catch (IOException e) {
      return List.of();
    }
    return List.of();
  }

  private static List<String> readScopeArray(JsonParser source) throws IOException {
    List<String> scopes = new ArrayList<>(3);
    JsonToken token;
    while ((token = source.nextToken()) != JsonToken.END_ARRAY && token != null) {
      if (token != JsonToken.START_OBJECT) {
        source.skipChildren();
        continue;
      }
      String field;
      while ((field = source.nextFieldName()) != null) {
        JsonToken value = source.nextToken();
        if (field.equals("scope") && value == JsonToken.VALUE_STRING) {
          scopes.add(source.getText());
        } else {
          source.skipChildren();
        }
      }
    }
    return scopes;
  }

  private void readEnterprise() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    ReadFields seen = new ReadFields("$.enterprise");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      if (field.equals("id")) {
        seen.add(field);
        enterpriseId = readOptionalId();
      } else {
        skipValue();
      }
    }
  }

  private void readEvent() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    ReadFields seen = new ReadFields("$.event");
    String field;
    while ((field = parser.nextFieldName()) != null) {
      if (field.equals("event_type")) {
        seen.add(field);
        eventType = readOptionalString();
      } else {
        skipValue();
      }
    }
  }

  /** Reads {@code {"id": ...}} objects such as {@code source.parent}; other shapes are skipped. */
  private String readNestedId(String path, boolean inUrl) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    String result = null;
    ReadFields seen = new ReadFields(path);
    String field;
    while ((field = parser.nextFieldName()) != null) {
      if (field.equals("id")) {
        seen.add(field);
        result = inUrl ? readUrlId(path + ".id") : readId(path + ".id");
      } else {
        skipValue();
      }
    }
    return result;
  }

  private long readSize() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return SourceFile.UNKNOWN_SIZE;
    }
    if (token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long size = parser.getLongValue();
      if (size >= 0) {
        return size;
      }
      throw invalid("$.source.size", "$.source.size is " + size + "; expected a byte count >= 0");
    }
    if (token == JsonToken.VALUE_STRING && isDigits(parser.getText())) {
      try {
        return Long.parseLong(parser.getText());
      } catch (NumberFormatException e) {
        // falls through to the type error below
      }
    }
    throw wrongType("$.source.size", "the size in bytes as an integer up to 2^63-1", token);
  }

  /** Reads a required id: a non-blank JSON string, or a non-negative integer kept as its digits. */
  private String readId(String path) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw wrongType(path, "a string or an integer id", null);
    }
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        String text = parser.getText();
        if (text.isBlank()) {
          throw invalid(path, path + " is blank; expected a non-empty id");
        }
        return text;
      case VALUE_NUMBER_INT:
        String digits = parser.getText();
        if (digits.startsWith("-")) {
          throw invalid(path, path + " is " + digits + "; expected a non-negative integer id");
        }
        return digits;
      default:
        throw wrongType(path, "a string or an integer id", token);
    }
  }

  /**
   * Reads an id that the kit puts into a URL sent with a token. Box's ids are decimal digits; any
   * other text, such as {@code ..} or {@code a/b}, could change which endpoint receives the token.
   */
  private String readUrlId(String path) throws IOException {
    String id = readId(path);
    if (id != null && !isAsciiDigits(id)) {
      // The value is not echoed: a malformed id may hold any text, a token included.
      throw invalid(
          path,
          path
              + " is not a decimal number; expected the id as digits, such as \"545901644053\","
              + " because the kit puts it into Box URLs");
    }
    return id;
  }

  /** Reads an optional id, ignoring a value of any other type. */
  private String readOptionalId() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
      String text = parser.getText();
      return text.isBlank() ? null : text;
    }
    parser.skipChildren();
    return null;
  }

  private String readRequiredString(String path, String what) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(path, what + " as a string", token);
    }
    String text = parser.getText();
    if (text.isBlank()) {
      throw invalid(path, path + " is blank; expected " + what + " as a non-empty string");
    }
    return text;
  }

  /** Reads an optional string; a value of another type counts as absent. */
  private String readOptionalString() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  private void expectObject(String path) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.START_OBJECT) {
      throw wrongType(path, "an object", token);
    }
  }

  private void skipValue() throws IOException {
    parser.nextToken();
    parser.skipChildren();
  }

  private static boolean isAsciiDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty() || text.length() > 19) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static InvalidSkillsRequestException missing(String path, String expected) {
    return new InvalidSkillsRequestException(path, path + " is missing; expected " + expected);
  }

  private static InvalidSkillsRequestException wrongType(
      String path, String expected, JsonToken found) {
    return new InvalidSkillsRequestException(
        path, path + " is " + describe(found) + "; expected " + expected);
  }

  private static InvalidSkillsRequestException invalid(String path, String message) {
    return new InvalidSkillsRequestException(path, message);
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "empty";
    }
    return switch (token) {
      case START_OBJECT -> "a JSON object";
      case START_ARRAY -> "a JSON array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "not a JSON value";
    };
  }

  /**
   * Quotes a value from the body for a message when it looks like a type name, such as {@code
   * webhook_event}. Other text is described by its length only, because a malformed body may
   * carry a token in any field.
   */
  private static String quotedIfName(String value) {
    boolean name = !value.isEmpty() && value.length() <= 40;
    for (int i = 0; name && i < value.length(); i++) {
      char c = value.charAt(i);
      name = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
    return name ? "\"" + value + "\"" : "a value of " + value.length() + " characters";
  }

  /**
   * The names of the fields the kit reads from one JSON object, to reject a field that appears
   * twice: the kit would use one value while another parser of the same body might use the other.
   * Fields the kit skips are not recorded, so one object records at most {@link #MAX_READ_FIELDS}
   * names and the check stays cheap whatever the body contains.
   */
  private static final class ReadFields {

    /** Maximum number of fields the kit reads from one object (the event itself has nine). */
    static final int MAX_READ_FIELDS = 9;

    private final String objectPath;
    private final String[] names = new String[MAX_READ_FIELDS];
    private int count;

    ReadFields(String objectPath) {
      this.objectPath = objectPath;
    }

    void add(String name) {
      for (int i = 0; i < count; i++) {
        if (names[i].equals(name)) {
          String path = objectPath + "." + name;
          throw new InvalidSkillsRequestException(
              path, "body has the field " + path + " twice; expected each field once per object");
        }
      }
      names[count++] = name;
    }
  }

  private static final class TokenFields {
    String accessToken;
    long expiresIn = -1;
    List<String> scopes = List.of();
    String scopesText;
  }
}
