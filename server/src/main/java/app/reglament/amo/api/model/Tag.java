package app.reglament.amo.api.model;

public record Tag(long id, String name, String color) {}
