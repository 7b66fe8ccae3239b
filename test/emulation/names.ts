/** NamedItemCollection and NamedItem proxies. See proxies.ts for how the emulation behaves. */
import { EmulatedWorkbook, NameModel } from "./workbook";
import { CollectionProxy, fail, Mirrors, ProxyBase, RangeRef, readAllFor, Readers } from "./base";
import { EmRequestContext } from "./context";
import { RangeProxy } from "./ranges";

/* eslint-disable @typescript-eslint/no-explicit-any */

export class NamedItemCollectionProxy
  extends CollectionProxy<NamedItemProxy>
  implements Mirrors<Excel.NamedItemCollection, "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly _type = "NamedItemCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (wb: EmulatedWorkbook) => wb);
  }
  protected _itemTargets(wb: EmulatedWorkbook): unknown[] {
    return [...wb.namedItems];
  }
  protected _makeItem(target: unknown, i: number): NamedItemProxy {
    return new NamedItemProxy(this.context, `${this._path}.items[${i}]`, null, () => target);
  }
  add(name: string, reference: Excel.Range | string, comment?: string): NamedItemProxy {
    this.context.requireApi("NamedItemCollection.add", "1.4");
    const proxy = new NamedItemProxy(this.context, this._sub("add", [name, reference, comment]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [name, reference, comment], (wb: EmulatedWorkbook) => {
      const ref = reference instanceof RangeProxy ? reference._target<RangeRef>() : wb.resolveReference(String(reference));
      proxy._bind(wb.addName(name, ref.sheet, ref.rect, comment ?? ""));
    });
    return proxy;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this._sub("getItem", [name]), this, (wb: EmulatedWorkbook) => wb.findName(name) ?? fail("ItemNotFound", `The requested resource doesn't exist (name "${name}").`));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.context.requireApi("NamedItemCollection.getItemOrNullObject", "1.4");
    return new NamedItemProxy(this.context, this._sub("getItemOrNullObject", [name]), this, (wb: EmulatedWorkbook) => wb.findName(name) ?? null, true);
  }
}

export class NamedItemProxy
  extends ProxyBase
  implements Mirrors<Excel.NamedItem, "name" | "type" | "value" | "formula" | "visible" | "comment" | "delete" | "getRange" | "getRangeOrNullObject">
{
  protected readonly _type = "NamedItem";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, resolver, nullable);
  }
  protected _readers(): Readers {
    const wb = this.context.model;
    return {
      name: (n: NameModel) => n.name,
      type: (n: NameModel) => (n.sheet ? "Range" : "Error"),
      value: (n: NameModel) => wb.nameFormula(n).slice(1),
      formula: (n: NameModel) => wb.nameFormula(n),
      visible: () => true,
      comment: (n: NameModel) => n.comment,
    };
  }
  /** @internal */
  _readAll(paths: string[]): Record<string, unknown> {
    if (paths.includes("formula")) this.context.requireApi("NamedItem.formula", "1.7");
    return readAllFor(this, this._cache?.v ?? this._resolve(), this._readers(), paths);
  }
  get name(): string {
    return this._get("name");
  }
  get type(): Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" {
    return this._get("type");
  }
  get value(): any {
    return this._get("value");
  }
  get formula(): any {
    return this._get("formula");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  get comment(): string {
    return this._get("comment");
  }
  delete(): void {
    this.context.requireApi("NamedItem.delete", "1.4");
    this._call("delete", [], (n: NameModel) => {
      const list = this.context.model.namedItems;
      list.splice(list.indexOf(n), 1);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this._sub("getRange"), this, (n: NameModel) => (n.sheet && n.rect ? { sheet: n.sheet, rect: n.rect } : fail("InvalidOperation", "The name does not refer to a range.")));
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this._sub("getRangeOrNullObject"), this, (n: NameModel) => (n.sheet && n.rect ? { sheet: n.sheet, rect: n.rect } : null), true);
  }
}

// ---- charts -----------------------------------------------------------------------------------
