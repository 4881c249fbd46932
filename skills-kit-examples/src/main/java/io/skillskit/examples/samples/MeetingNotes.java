package io.skillskit.examples.samples;

/** The text of the meeting notes sample, written for this project. */
final class MeetingNotes {

  static final String TEXT =
      """
      Weekly sync: notes

      Attendees: Alex, Sam, Priya and Jordan.

      1. Budget

      Alex opened with the budget. The second-quarter budget is on track, but travel costs rose \
      faster than planned. Sam asked whether the budget covers the new office chairs; it does, \
      because the facilities line was underspent in January. Priya wants a budget review every \
      month instead of every quarter, so that surprises show up early. The team agreed to try \
      this until September. The budget's contingency reserve stays at five percent.

      2. Hiring

      Hiring is the biggest risk for the roadmap. Two engineering offers were declined last \
      week, and the hiring pipeline for the data team is thin. Recruiting will widen the \
      search to remote candidates. Faster hiring decisions would also help: \
      candidates wait nine days on average for an answer. The hiring freeze on contractors ends \
      in May, which frees some budget for short projects.

      3. Roadmap

      Priya walked through the roadmap for the next two releases. Customers keep asking for \
      offline mode, so it moves up the roadmap, ahead of the reporting redesign. Tickets \
      about sync errors doubled in March; fixing them is now the first roadmap item. Alex \
      reminded everyone that the plan depends on hiring two engineers by June.

      4. Customers and support

      Three large customers renewed this month. Support response times improved to four hours, \
      and customers rated the support team highly in the last survey. Jordan suggested sharing \
      the survey results with the whole company. Support will publish a short guide to the new \
      sync settings for customers.

      Decisions

      - Monthly budget review, starting next week.
      - Hiring: remote candidates welcome, answers within three days.
      - Roadmap: offline mode first, reporting redesign second.

      Next meeting: Tuesday, 10:00. Jordan takes notes; Sam shares the budget numbers before \
      the meeting. Questions go to the meeting channel.
      """;

  private MeetingNotes() {}
}
