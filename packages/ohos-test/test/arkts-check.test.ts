// What the loader refuses before transpiling: ArkTS that only means something on a device.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOffDeviceConstruct } from '../src/loader/arkts-check.js';

test('a UI struct is found with its line and column', () => {
  assert.deepEqual(findOffDeviceConstruct('const a = 1\n\nstruct Page {\n}\n'), {
    line: 3,
    column: 1,
    what: 'an ArkUI `struct` (UI components run only on a device or emulator)',
  });
});

test('ArkUI decorators and $r/$rawfile resources are found', () => {
  assert.equal(findOffDeviceConstruct('class A {\n  @State count: number = 0\n}')?.what, 'the ArkUI decorator @State');
  assert.equal(findOffDeviceConstruct('const s = $r("app.string.name")')?.what, 'the resource reference $r() (app resources exist only in a built HAP)');
  assert.equal(findOffDeviceConstruct('const f = $rawfile("a.json")')?.line, 1);
});

test('text in strings, templates and comments is not code', () => {
  assert.equal(findOffDeviceConstruct("// struct A {}\n/* @Entry */\nconst s = '$r(1) struct B'\nconst t = `@Component ${1}`\n"), undefined);
});

test('plain TypeScript passes: classes, interfaces, legacy decorators that are not ArkUI, `structure` identifiers', () => {
  assert.equal(findOffDeviceConstruct('@Sendable\nclass A {}\nconst structure = 1\ninterface I { struct: number }\n'), undefined);
});
