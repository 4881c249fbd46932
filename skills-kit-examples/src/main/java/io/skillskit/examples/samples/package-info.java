/**
 * Deterministic sample files for the demo and the tests.
 *
 * <p>The samples are a WAV recording with known tones and pauses, a PNG image with known colour
 * areas, meeting notes with planted key terms, WebVTT and SRT caption files with known cues, and a
 * file of an unsupported format.
 *
 * <p>Start at {@link io.skillskit.examples.samples.SampleFiles}; each generator returns a {@link
 * io.skillskit.examples.samples.SampleFile} with a suggested file name, and a companion method
 * returns the result an analyser should find.
 *
 * <p>Parameters and return values are non-null, and lists are never {@code null}.
 */
package io.skillskit.examples.samples;
