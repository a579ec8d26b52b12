// Search with Pagefind's own script, served by this site from /pagefind/. The form
// shows from the first paint when scripts run (class js-search, set in the page's
// head); without JavaScript, or if the index cannot load, the page offers links
// to browse by instead.
const form = document.querySelector("form.search");
const root = new URL(form.dataset.root, location.href);
const input = form.querySelector("input[name=q]");
const selects = form.querySelectorAll("select[data-filter]");
const status = document.querySelector(".search__status");
const list = document.querySelector(".search__results");
let pagefind;
try {
  pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  // A large site's index comes in parts (see plugins/campaign/search.py).
  for (const part of form.dataset.parts.split(" ").filter(Boolean)) {
    await pagefind.mergeIndex(new URL(part, root).href, { baseUrl: root.pathname });
  }
} catch (error) {
  document.documentElement.classList.remove("js-search");
  status.textContent = "La recherche n'a pas pu se charger : parcourez le site avec les liens ci-dessous.";
  throw error;
}

function addOptions(select, counts) {
  for (const value of Object.keys(counts).sort((a, b) => a.localeCompare(b, "fr", { numeric: true }))) {
    select.add(new Option(value, value));
  }
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  return filters;
}

function item(result) {
  const li = document.createElement("li");
  const title = li.appendChild(document.createElement("h2"));
  const link = title.appendChild(document.createElement("a"));
  link.href = result.url;
  link.textContent = result.meta.title;
  const excerpt = li.appendChild(document.createElement("p"));
  excerpt.innerHTML = result.excerpt;  // Pagefind escapes the text and adds <mark> only.
  return li;
}

// Results come 20 at a time: a large site finds hundreds, each one a request.
const PAGE = 20;
let latest = 0;
let shown = { results: [], count: 0 };

// The words and filters in the address (?q=...&verdict=...): a search can be
// shared or reloaded, and clearing the form clears the address.
function remember(query, filters) {
  const params = new URLSearchParams(query ? { q: query } : {});
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

function moreButton() {
  let button = document.querySelector(".search__next");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "button search__next";
    button.addEventListener("click", showMore);
    list.after(button);
  }
  return button;
}

async function show(ticket, from) {
  const results = await Promise.all(shown.results.slice(from, from + PAGE).map((r) => r.data()));
  if (ticket !== latest) return false;  // a newer search has started meanwhile
  const items = results.map(item);
  if (from) list.append(...items); else list.replaceChildren(...items);
  const left = shown.count - list.children.length;
  const button = moreButton();
  button.hidden = left <= 0;
  button.textContent = `Afficher ${Math.min(left, PAGE)} résultat${left > 1 ? "s" : ""} de plus`;
  return items;
}

async function showMore() {
  const items = await show(latest, list.children.length);
  if (items && items.length) items[0].querySelector("a").focus();
}

async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const ticket = ++latest;
  remember(query, filters);
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    moreButton().hidden = true;
    status.textContent = "";
    return;
  }
  const search = await pagefind.search(query || null, { filters });
  if (ticket !== latest) return;
  shown = { results: search.results, count: search.results.length };
  if (!(await show(ticket, 0))) return;
  const count = shown.count;
  status.textContent = count === 0 ? "Aucun résultat." : count === 1 ? "1 résultat." : `${count} résultats.`;
}

const filters = await pagefind.filters();
const asked = new URLSearchParams(location.search);
for (const select of selects) {
  addOptions(select, filters[select.dataset.filter] || {});
  const value = asked.get(select.dataset.filter);
  if (value && !select.value && [...select.options].some((option) => option.value === value)) {
    select.value = value;
    select.closest("details").open = true;
  }
}
input.value ||= asked.get("q") || "";
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
input.addEventListener("input", run);
selects.forEach((select) => select.addEventListener("change", run));
// Typed or chosen while the index was loading, or given in the address.
if (input.value.trim() || Object.keys(chosenFilters()).length) run();
