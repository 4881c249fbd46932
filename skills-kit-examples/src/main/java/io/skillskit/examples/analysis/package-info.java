/**
 * Analysis of real files for the example skills, with nothing but the JDK: sound and silence in WAV
 * recordings ({@link io.skillskit.examples.analysis.WavSegmenter}), dominant colours of images
 * ({@link io.skillskit.examples.analysis.DominantColours}), key terms of texts ({@link
 * io.skillskit.examples.analysis.KeyTerms}), and transcripts from WebVTT and SRT captions ({@link
 * io.skillskit.examples.analysis.Captions}) or from a recogniser's timed words ({@link
 * io.skillskit.examples.analysis.TimedWords}).
 *
 * <p>Each analyser takes bytes, a stream or text and returns plain records that carry what a skill
 * card needs: labels with time spans for a timeline card, texts for a keyword card, timed lines for
 * a transcript card, and the media duration in seconds. The package does not depend on the kit's
 * card or request types, so a skill can copy an analyser together with the small records and
 * exceptions it uses.
 *
 * <p>Failures on the file's content are {@link io.skillskit.examples.analysis.AnalysisException}s;
 * the subclass {@link io.skillskit.examples.analysis.UnsupportedFormatException} marks a file of a
 * format the analyser does not read. Read errors of the underlying stream stay {@link
 * java.io.IOException}s, and a bad argument is an {@link IllegalArgumentException}.
 *
 * <p>Parameters and return values are non-null unless a member's documentation says otherwise;
 * lists are never {@code null}.
 */
package io.skillskit.examples.analysis;
