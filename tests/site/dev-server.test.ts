import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Builder,
  type BuildReport,
  isBuildCode,
  isServerCode,
  startDevServer,
} from "../../src/site/dev-server.ts";
import type { DevServer } from "../../src/site/serve-site.ts";

/** A dev server wired to fakes: builders that answer from `reports`, a server that records. */
async function fakeDevServer(reports: BuildReport[]) {
  const calls: string[] = [];
  let started = 0;
  const startBuilder = (): Builder => {
    const n = ++started;
    return {
      build: async () => {
        calls.push(`build with builder ${n}`);
        return reports.shift() ?? { ok: true, pages: 1, milliseconds: 1, problems: [] };
      },
      stop: () => calls.push(`stop builder ${n}`),
    };
  };
  const server: DevServer = {
    url: "http://127.0.0.1:0/",
    reload: () => calls.push("reload"),
    showErrors: (problems) => calls.push(`show ${problems.join(" | ")}`),
    showTypeErrors: (problems) => calls.push(`types ${problems.join(" | ")}`),
    close: async () => undefined,
  };
  const log = { info: () => undefined, error: (text: string) => calls.push(`log ${text}`) };
  const dev = await startDevServer({ port: 0, startBuilder, log, serve: async () => server });
  return { dev, calls };
}

describe("startDevServer(options)", () => {
  it("rebuilds on a content change with the same builder, and reloads the pages", async () => {
    const { dev, calls } = await fakeDevServer([]);
    await dev.changed(["content/01-a.md"]);
    assert.deepEqual(calls, ["build with builder 1", "reload", "build with builder 1", "reload"]);
  });

  it("starts a new builder when the compiler changed, so the new code runs", async () => {
    const { dev, calls } = await fakeDevServer([]);
    await dev.changed(["content/01-a.md", "src/notebook/compile/compile-page.ts"]);
    assert.deepEqual(calls.slice(2), ["stop builder 1", "build with builder 2", "reload"]);
  });

  it("shows a failed build's problems on the open pages instead of reloading them", async () => {
    const { dev, calls } = await fakeDevServer([
      { ok: true, pages: 3, milliseconds: 5, problems: [] },
      { ok: false, problems: ['src/tensor/op.ts:3:14: Expected ";"'] },
    ]);
    await dev.changed(["src/tensor/op.ts"]);
    assert.deepEqual(calls.slice(2), [
      "build with builder 1",
      'log src/tensor/op.ts:3:14: Expected ";"',
      "log the build failed; the pages show why and keep the last site that built",
      'show src/tensor/op.ts:3:14: Expected ";"',
    ]);
  });
});

describe("startDevServer(options) with a type checker", () => {
  it("shows each check's type errors in the terminal and over the pages, and stops it", async () => {
    const calls: string[] = [];
    let report: (problems: string[]) => void = () => undefined;
    const server: DevServer = {
      url: "http://127.0.0.1:0/",
      reload: () => undefined,
      showErrors: () => undefined,
      showTypeErrors: (problems) => calls.push(`types [${problems.join(" | ")}]`),
      close: async () => undefined,
    };
    const dev = await startDevServer({
      port: 0,
      startBuilder: () => ({
        build: async () => ({ ok: true, pages: 1, milliseconds: 1, problems: [] }),
        stop: () => undefined,
      }),
      startTypeCheck: (onReport) => {
        report = onReport;
        return { stop: () => calls.push("checker stopped") };
      },
      log: {
        info: (text) => calls.push(`info ${text}`),
        error: (text) => calls.push(`log ${text}`),
      },
      serve: async () => server,
    });
    calls.length = 0;
    const error =
      "src/tensor/format.ts:3:7: Type 'string' is not assignable to type 'number'. (TS2322)";
    report([error]);
    report([]);
    await dev.stop();
    assert.deepEqual(calls, [
      `log ${error}`,
      "log 1 type error(s), shown over the pages",
      `types [${error}]`,
      "info types check clean again",
      "types []",
      "checker stopped",
    ]);
  });
});

describe("isBuildCode(file) and isServerCode(file)", () => {
  it("tells the build's own code from what it only reads or bundles", () => {
    assert.equal(isBuildCode("src/notebook/compile/create-markdown.ts"), true);
    assert.equal(isBuildCode("src/site/build-site.ts"), true);
    assert.equal(isBuildCode("src/notebook/client/main.ts"), false);
    assert.equal(isBuildCode("src/tensor/op.ts"), false);
    assert.equal(isBuildCode("content/01-a.md"), false);
    assert.equal(isBuildCode("src/site/serve-site.ts"), false);
    assert.equal(isServerCode("src/site/serve-site.ts"), true);
    assert.equal(isServerCode("src/site/request-path.ts"), true);
    assert.equal(isBuildCode("src/site/static-files.ts"), false);
    assert.equal(isServerCode("build.mjs"), true);
    assert.equal(isServerCode("src/site/watch-types.ts"), true);
    assert.equal(isBuildCode("src/site/type-check-worker.ts"), false);
  });
});
