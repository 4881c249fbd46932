package io.skillskit.cards;

import io.skillskit.internal.CardJson;
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
    return CardJson.writeDirect(
        sizeHint,
        (generator, out) -> {
          envelope.writeHead(generator, cardType);
          generator.writeObjectFieldStart("status");
          generator.writeEndObject();
          generator.writeArrayFieldStart("entries");
          // Entries are most of a card. Appending them as text skips the generator's work per
          // token, which took two thirds of toJson for a 1,000-entry transcript.
          generator.flush();
          for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
              out.append(',');
            }
            appendEntry(out, entries.get(i));
          }
          generator.writeEndArray();
          if (!Double.isNaN(duration)) {
            generator.writeFieldName("duration");
            CardJson.writeSeconds(generator, duration);
          }
          generator.writeEndObject();
        });
  }

  /** Appends one entry as the card generator would write it. */
  static void appendEntry(StringBuilder out, CardEntry entry) {
    out.append("{\"text\":");
    CardJson.appendString(out, entry.text());
    String imageUrl = entry.imageUrlOrNull();
    if (imageUrl == null) {
      out.append(",\"type\":\"text\"");
    } else {
      out.append(",\"type\":\"image\",\"image_url\":");
      CardJson.appendString(out, imageUrl);
    }
    List<TimeRange> appears = entry.appears();
    if (!appears.isEmpty()) {
      out.append(",\"appears\":[");
      for (int i = 0; i < appears.size(); i++) {
        TimeRange range = appears.get(i);
        out.append(i == 0 ? "{\"start\":" : ",{\"start\":");
        CardJson.appendSeconds(out, range.start());
        if (range.hasEnd()) {
          out.append(",\"end\":");
          CardJson.appendSeconds(out, range.end().getAsDouble());
        }
        out.append('}');
      }
      out.append(']');
    }
    out.append('}');
  }
}
