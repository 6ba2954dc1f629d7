// type-graphql and TypeORM read decorator metadata through the Reflect polyfill.
import "reflect-metadata";
