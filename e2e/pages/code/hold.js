// Holds the page's thread once the test says so (/__hold answers "hold"),
// with synchronous requests, which let no other task of the page run,
// until /__held answers "go", for at most 20 s; data-held on <html> says
// how it ended.
while ((await (await fetch("/__hold")).text()) !== "hold");
const end = performance.now() + 20_000;
const go = () => {
  const request = new XMLHttpRequest();
  request.open("GET", "/__held", false);
  request.send();
  return request.responseText === "go";
};
let released = false;
while (!released && performance.now() < end) released = go();
document.documentElement.dataset.held = released ? "released" : "timed out";
