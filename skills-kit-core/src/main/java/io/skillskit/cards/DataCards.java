package io.skillskit.cards;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skillskit.internal.CardJson;
import java.io.IOException;
import java.util.List;

/** JSON writing shared by the keyword, timeline and transcript cards. */
final class DataCards {

  private DataCards() {}

  /** Marks an absent duration. */
  static final double NO_DURATION = Double.NaN;

  static String toJson(
      Envelope envelope, String cardType, List<CardEntry> entries, double duration) {
    int sizeHint = envelope.estimatedLength() + 40;
    for (CardEntry entry : entries) {
      sizeHint += 40 + entry.text().length() + 32 * entry.appears().size();
      String imageUrl = entry.imageUrlOrNull();
      if (imageUrl != null) {
        sizeHint += imageUrl.length() + 16;
      }
    }
    return CardJson.write(
        sizeHint,
        generator -> {
          envelope.writeHead(generator, cardType);
          generator.writeObjectFieldStart("status");
          generator.writeEndObject();
          generator.writeArrayFieldStart("entries");
          for (CardEntry entry : entries) {
            writeEntry(generator, entry);
          }
          generator.writeEndArray();
          if (!Double.isNaN(duration)) {
            generator.writeFieldName("duration");
            CardJson.writeSeconds(generator, duration);
          }
          generator.writeEndObject();
        });
  }

  private static void writeEntry(JsonGenerator generator, CardEntry entry) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("text", entry.text());
    String imageUrl = entry.imageUrlOrNull();
    generator.writeStringField("type", imageUrl == null ? "text" : "image");
    if (imageUrl != null) {
      generator.writeStringField("image_url", imageUrl);
    }
    List<TimeRange> appears = entry.appears();
    if (!appears.isEmpty()) {
      generator.writeArrayFieldStart("appears");
      for (TimeRange range : appears) {
        generator.writeStartObject();
        generator.writeFieldName("start");
        CardJson.writeSeconds(generator, range.start());
        if (range.hasEnd()) {
          generator.writeFieldName("end");
          CardJson.writeSeconds(generator, range.end().getAsDouble());
        }
        generator.writeEndObject();
      }
      generator.writeEndArray();
    }
    generator.writeEndObject();
  }
}
