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

let latest = 0;
async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const ticket = ++latest;
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const search = await pagefind.search(query || null, { filters });
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (ticket !== latest) return;  // a newer search has started meanwhile
  list.replaceChildren(...results.map(item));
  const count = search.results.length;
  status.textContent = count === 0 ? "Aucun résultat." : count === 1 ? "1 résultat." : `${count} résultats.`;
  const params = new URLSearchParams(query ? { q: query } : {});
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

const filters = await pagefind.filters();
for (const select of selects) addOptions(select, filters[select.dataset.filter] || {});
input.value ||= new URLSearchParams(location.search).get("q") || "";
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
input.addEventListener("input", run);
selects.forEach((select) => select.addEventListener("change", run));
if (input.value) run();  // typed while the index was loading, or given in the address
