package app.reglament.sandbox.scenario;

/** The deal's custom fields of the generated account, in the order amoCRM shows them. */
enum LeadField {
  PRODUCT("Продукт", "select"),
  CITY("Город", "select"),
  SOURCE("Источник", "select"),
  BUDGET("Бюджет клиента", "numeric"),
  AREA("Площадь остекления, м²", "numeric"),
  ADDRESS("Адрес объекта", "text"),
  NEED("Потребность клиента", "text"),
  INN("ИНН компании", "text");

  final String title;
  final String type;

  LeadField(String title, String type) {
    this.title = title;
    this.type = type;
  }

  boolean isText() {
    return type.equals("text");
  }

  boolean isSelect() {
    return type.equals("select");
  }
}
