package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.NoteTypes;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.TaskType;
import app.reglament.sandbox.ui.CardView.FeedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deal's history as the card's feed shows it: notes, completed tasks with their results and the
 * events of its log, oldest first, the most recent {@link #RECENT} of them.
 */
final class Feed {
  static final int RECENT = 50;

  private Feed() {}

  static List<FeedItem> of(Store store, Lead lead, Names names) {
    String currency = store.account().currency();
    List<Note> notes = store.notesOfLead(lead.id());
    Set<Long> noteIds = notes.stream().map(Note::id).collect(Collectors.toSet());
    List<Dated> items = new ArrayList<>();
    for (Note note : notes) {
      items.add(new Dated(note.createdAt(), note(note, names)));
    }
    for (Task task : store.tasksOfLead(lead.id())) {
      if (task.completed()) {
        items.add(new Dated(task.updatedAt(), completedTask(task, store, names)));
      }
    }
    for (Event event : store.eventsOfLead(lead.id())) {
      // A note's event (a call, a comment) would repeat the note itself, which says more.
      if (!noteIds.contains(
          EventText.number(EventText.entry(event.valueAfter(), "note").get("id")))) {
        items.add(new Dated(event.createdAt(), event(event, names, currency)));
      }
    }
    // The sort is stable, so items of the same second keep notes, tasks, events in that order.
    items.sort(Comparator.comparing(Dated::at));
    return items.subList(Math.max(0, items.size() - RECENT), items.size()).stream()
        .map(Dated::item)
        .toList();
  }

  private static FeedItem note(Note note, Names names) {
    return new FeedItem(
        "note",
        Long.toString(note.id()),
        note.noteType(),
        Formats.iso(note.createdAt()),
        Formats.dateTime(note.createdAt()),
        names.user(note.createdBy()),
        noteText(note),
        null);
  }

  private static FeedItem completedTask(Task task, Store store, Names names) {
    String type =
        store.taskTypes().stream()
            .filter(t -> t.id() == task.taskTypeId())
            .map(TaskType::name)
            .findFirst()
            .orElse("Задача");
    return new FeedItem(
        "task",
        Long.toString(task.id()),
        Long.toString(task.taskTypeId()),
        Formats.iso(task.updatedAt()),
        Formats.dateTime(task.updatedAt()),
        names.user(task.updatedBy()),
        "Задача выполнена (" + type + "): " + task.text(),
        task.resultText() == null || task.resultText().isBlank() ? null : task.resultText());
  }

  private static FeedItem event(Event event, Names names, String currency) {
    return new FeedItem(
        "event",
        event.id(),
        event.type(),
        Formats.iso(event.createdAt()),
        Formats.dateTime(event.createdAt()),
        names.user(event.createdBy()),
        EventText.describe(event, names, currency),
        null);
  }

  /** A comment's text; a call's direction, number and length; an SMS with its text. */
  static String noteText(Note note) {
    Object text = note.params().get("text");
    String body = text == null ? "" : text.toString();
    return switch (note.noteType()) {
      case NoteTypes.CALL_IN, NoteTypes.CALL_OUT -> call(note);
      case NoteTypes.SMS_IN -> joined("Входящее SMS", body);
      case NoteTypes.SMS_OUT -> joined("Исходящее SMS", body);
      case NoteTypes.SERVICE_MESSAGE -> body.isEmpty() ? "Системное сообщение" : body;
      default -> body;
    };
  }

  private static String call(Note note) {
    String direction =
        NoteTypes.CALL_IN.equals(note.noteType()) ? "Входящий звонок" : "Исходящий звонок";
    Object phone = note.params().get("phone");
    long seconds = EventText.number(note.params().get("duration"));
    String length = seconds / 60 + ":" + String.format("%02d", seconds % 60);
    return joined(joined(direction, phone == null ? "" : phone.toString()), length);
  }

  private static String joined(String head, String tail) {
    return tail.isEmpty() ? head : head + " · " + tail;
  }

  private record Dated(Instant at, FeedItem item) {}
}
