/** Tests that use the kit only through its public API, as a skill author would. */
package io.skillskit.review;
