// A temporary view of affected records as its own page (/views/{viewId}?tenant={tenantId}): it can be opened from a
// link in a new tab, asks for the API key when the tab has none, and shows the records with links and error titles.
import { recordLink } from "/record-link.js";

const storageKeys = { apiKey: "eventsync.apiKey", tenant: "eventsync.tenant", lang: "eventsync.lang" };

const texts = {
  en: {
    title: "Temporary view of affected records",
    subtitle: "Tenant {tenant}",
    dashboard: "Dashboard",
    login: "This view belongs to tenant {tenant}. Enter an API key for it to open the view.",
    key: "API key",
    open: "Open",
    rejected: "The key was not accepted for this tenant.",
    missing: "This address names no view: it should look like /views/{id}?tenant={tenant}.",
    notFound: "This view does not exist or has expired. Views last 24 hours; create a new one on the dashboard.",
    failed: "The view could not be loaded ({status}).",
    filter: "Errors: {filter}",
    everything: "every error",
    expires: "Expires {when}.",
    records: { one: "{count} affected record", other: "{count} affected records" },
    export: "Export errors (CSV)",
    objectType: "Object", hubSpot: "HubSpot record", salesforce: "Salesforce record", errorTypes: "Errors",
    none: "No record is affected any more.",
    filterNames: { objectType: "object", state: "state", from: "seen from", to: "seen before", q: "search" },
  },
  pl: {
    title: "Tymczasowy widok rekordów, na które ma to wpływ",
    subtitle: "Klient {tenant}",
    dashboard: "Pulpit",
    login: "Ten widok należy do klienta {tenant}. Podaj klucz API tego klienta, aby go otworzyć.",
    key: "Klucz API",
    open: "Otwórz",
    rejected: "Klucz nie został przyjęty dla tego klienta.",
    missing: "Ten adres nie wskazuje widoku: powinien wyglądać jak /views/{id}?tenant={tenant}.",
    notFound: "Ten widok nie istnieje lub wygasł. Widoki są ważne 24 godziny; utwórz nowy na pulpicie.",
    failed: "Nie udało się wczytać widoku ({status}).",
    filter: "Błędy: {filter}",
    everything: "wszystkie błędy",
    expires: "Wygasa {when}.",
    records: { one: "{count} rekord, którego dotyczy", few: "{count} rekordy, których dotyczy", many: "{count} rekordów, których dotyczy", other: "{count} rekordu, którego dotyczy" },
    export: "Eksportuj błędy (CSV)",
    objectType: "Obiekt", hubSpot: "Rekord HubSpot", salesforce: "Rekord Salesforce", errorTypes: "Błędy",
    none: "Żaden rekord nie jest już objęty.",
    filterNames: { objectType: "obiekt", state: "stan", from: "widziane od", to: "widziane przed", q: "szukaj" },
  },
};

const lang = (sessionStorage.getItem(storageKeys.lang) ?? navigator.language ?? "en").toLowerCase().startsWith("pl") ? "pl" : "en";
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

function t(key, vars = {}) {
  let text = texts[lang][key] ?? texts.en[key];
  if (typeof text === "object") {
    text = text[new Intl.PluralRules(lang).select(vars.count ?? 0)] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

const address = new URL(location.href);
const viewId = decodeURIComponent(address.pathname.split("/").filter(Boolean)[1] ?? "");
const tenant = address.searchParams.get("tenant") ?? "";
const apiPath = (path) => `/api/tenants/${encodeURIComponent(tenant)}${path}`;

async function send(path) {
  const key = sessionStorage.getItem(storageKeys.apiKey) ?? "";
  return fetch(path, { headers: { "X-Api-Key": key, Accept: "application/json, application/problem+json, text/csv", "Accept-Language": lang } });
}

function showProblem(message) {
  $("view-problem").textContent = message;
  $("view-problem").hidden = false;
}

function askForKey(rejected) {
  const form = $("view-login");
  $("view-login-text").textContent = t("login", { tenant });
  $("view-key-label").textContent = t("key");
  $("view-open").textContent = t("open");
  $("view-login-problem").textContent = rejected ? t("rejected") : "";
  $("view-login-problem").hidden = !rejected;
  $("view").hidden = true;
  form.hidden = false;
  $("view-api-key").focus();
}

async function load() {
  $("view-problem").hidden = true;
  if (!viewId || !tenant) {
    showProblem(t("missing"));
    return;
  }
  if (!sessionStorage.getItem(storageKeys.apiKey)) {
    askForKey(false);
    return;
  }
  const [response, catalogResponse] = await Promise.all([send(apiPath(`/views/${encodeURIComponent(viewId)}`)), fetch(`/api/catalog?lang=${lang}`)]);
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(storageKeys.apiKey);
    askForKey(true);
    return;
  }
  if (response.status === 404) {
    showProblem(t("notFound"));
    return;
  }
  if (!response.ok) {
    showProblem(t("failed", { status: response.status }));
    return;
  }
  sessionStorage.setItem(storageKeys.tenant, tenant);
  $("view-login").hidden = true;
  const catalog = catalogResponse.ok ? await catalogResponse.json() : { categories: [] };
  render(await response.json(), catalog);
}

function titleOf(catalog, errorType) {
  return catalog.categories.flatMap((c) => c.errorTypes).find((e) => e.id === errorType)?.title ?? errorType;
}

function describeFilter(filter, catalog) {
  const parts = [];
  if (filter.errorType) parts.push(titleOf(catalog, filter.errorType));
  if (filter.category) parts.push(catalog.categories.find((c) => c.id === filter.category)?.title ?? filter.category);
  for (const name of ["objectType", "state", "from", "to", "q"]) {
    if (filter[name]) parts.push(`${texts[lang].filterNames[name]}: ${filter[name]}`);
  }
  return parts.length ? parts.join(" · ") : t("everything");
}

function linkOrText(id, href) {
  const content = recordLink(id, href);
  return content instanceof Node ? content : document.createTextNode(content ?? "—");
}

function render(view, catalog) {
  $("view-filter").textContent = t("filter", { filter: describeFilter(view.filter, catalog) });
  const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(view.expiresAt));
  $("view-expires").textContent = `${t("records", { count: view.records.length })} · ${t("expires", { when })}`;
  for (const th of document.querySelectorAll("[data-col]")) th.textContent = t(th.dataset.col);
  const body = $("view-records").querySelector("tbody");
  body.replaceChildren();
  for (const record of view.records) {
    const row = document.createElement("tr");
    row.dataset.testid = "view-record";
    const cells = [
      document.createTextNode(record.objectType),
      linkOrText(record.hubSpotId, record.links?.hubSpot),
      linkOrText(record.salesforceId, record.links?.salesforce),
      document.createTextNode(record.errorTypes.map((type) => titleOf(catalog, type)).join(", ")),
    ];
    for (const content of cells) {
      const cell = document.createElement("td");
      cell.append(content);
      row.append(cell);
    }
    body.append(row);
  }
  if (view.records.length === 0) {
    const row = document.createElement("tr");
    const cell = document.createElement("td");
    cell.colSpan = 4;
    cell.textContent = t("none");
    row.append(cell);
    body.append(row);
  }
  $("view-export").onclick = () => exportCsv(view.filter);
  $("view").hidden = false;
}

async function exportCsv(filter) {
  const search = new URLSearchParams(Object.entries(filter).filter(([, value]) => value));
  search.set("lang", lang);
  const response = await send(apiPath(`/errors/export.csv?${search}`));
  if (!response.ok) {
    showProblem(t("failed", { status: response.status }));
    return;
  }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `sync-errors-${tenant}.csv`;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

function start() {
  document.documentElement.lang = lang;
  document.title = `EventSync · ${t("title")}`;
  $("view-title").textContent = t("title");
  $("view-subtitle").textContent = t("subtitle", { tenant });
  $("open-dashboard").textContent = t("dashboard");
  $("view-export").textContent = t("export");
  $("view-login").querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(storageKeys.apiKey, $("view-api-key").value.trim());
    load();
  });
  load();
}

start();
