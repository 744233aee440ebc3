"""How products are classified: categories (each in a dimension) and tags, unique by name."""

from __future__ import annotations

from panacea.catalog import dal
from panacea.catalog.access import Action
from panacea.catalog.classification import (
    Category,
    CategoryPatch,
    Dimension,
    NewCategory,
    NewTag,
    Tag,
    TagPatch,
)
from panacea.catalog.logic import (
    CategoryNameTaken,
    CategoryNotFound,
    TagNameTaken,
    TagNotFound,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work

# --- categories and tags -------------------------------------------------------------------------


def list_categories(actor: Actor, *, dimension: Dimension | None, cursor: str | None, limit: int) -> Page[Category]:
    authorize(actor, Action.BROWSE_CATALOG)
    return dal.categories(actor.tenant, dimension=dimension, cursor=cursor, limit=limit)


def create_category(actor: Actor, draft: NewCategory) -> Category:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = dal.CategoryItem.new(
        tenant_id=tenant_id,
        category_id=new_id(),
        dimension=draft.dimension,
        name=draft.name,
        description=draft.description,
        position=draft.position,
        at=clock.now(),
    )
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict(f"category {item.category_id} exists"))
        uow.claim(
            tenant_id,
            "category",
            dal.category_claim(draft.dimension, draft.name),
            item.category_id,
            taken=_category_taken(draft.dimension, draft.name),
        )
    return item.view()


def _category_taken(dimension: str, name: str) -> CategoryNameTaken:
    return CategoryNameTaken(
        f"the {dimension} dimension has a category named {name}", errors=[FieldError("name", "taken")]
    )


def update_category(actor: Actor, category_id: str, patch: CategoryPatch) -> Category:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = category_of(tenant_id, category_id)
    before = item.name
    at = clock.now()
    if patch.name is not None:
        item.name = patch.name
    if patch.description is not None:
        item.description = patch.description
    item.place(int(item.position) if patch.position is None else patch.position, at=at)
    with unit_of_work(tenant_id) as uow:
        uow.save(item)
        if dal.category_claim(item.dimension, item.name) != dal.category_claim(item.dimension, before):
            uow.release(tenant_id, "category", dal.category_claim(item.dimension, before), item.category_id)
            uow.claim(
                tenant_id,
                "category",
                dal.category_claim(item.dimension, item.name),
                item.category_id,
                taken=_category_taken(item.dimension, item.name),
            )
    return item.view()


def category_of(tenant_id: str, category_id: str) -> dal.CategoryItem:
    item: dal.CategoryItem | None = (
        dal.get(dal.CategoryItem, dal.category_key(tenant_id, category_id)) if is_id(category_id) else None
    )
    if item is None:
        raise CategoryNotFound(f"no category {category_id}", field="category_id")
    return item


def tag_of(tenant_id: str, tag_id: str) -> dal.TagItem:
    item: dal.TagItem | None = dal.get(dal.TagItem, dal.tag_key(tenant_id, tag_id)) if is_id(tag_id) else None
    if item is None:
        raise TagNotFound(f"no tag {tag_id}", field="tag_id")
    return item


def list_tags(actor: Actor, *, cursor: str | None, limit: int) -> Page[Tag]:
    authorize(actor, Action.BROWSE_CATALOG)
    return dal.tags(actor.tenant, cursor=cursor, limit=limit)


def create_tag(actor: Actor, draft: NewTag) -> Tag:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = dal.TagItem.new(tenant_id=tenant_id, tag_id=new_id(), name=draft.name, at=clock.now())
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict(f"tag {item.tag_id} exists"))
        uow.claim(tenant_id, "tag", dal.tag_claim(draft.name), item.tag_id, taken=_tag_taken(draft.name))
    return item.view()


def _tag_taken(name: str) -> TagNameTaken:
    return TagNameTaken(f"there is a tag named {name}", errors=[FieldError("name", "taken")])


def rename_tag(actor: Actor, tag_id: str, patch: TagPatch) -> Tag:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = tag_of(tenant_id, tag_id)
    before, item.name = item.name, patch.name
    if before != item.name:
        with unit_of_work(tenant_id) as uow:
            uow.save(item)
            if dal.tag_claim(before) != dal.tag_claim(item.name):
                uow.release(tenant_id, "tag", dal.tag_claim(before), item.tag_id)
                uow.claim(tenant_id, "tag", dal.tag_claim(item.name), item.tag_id, taken=_tag_taken(item.name))
    return item.view()
